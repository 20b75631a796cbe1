package org.ramsetu.platform.accounts;

import java.util.UUID;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.security.RequestLimits;

/** Sign-up of donors and patients, and new verification codes on request. */
public class SignupService {

    private final AccountCollaborators shared;
    private final AccountMails mails;

    SignupService(AccountCollaborators shared, AccountMails mails) {
        this.shared = shared;
        this.mails = mails;
    }

    /**
     * Creates an unverified account and e-mails its code.
     *
     * @throws DomainException InvalidInput for an invalid field, Conflict when the e-mail has this
     *     role already, TooManyAttempts beyond the sign-up limit of the client's address
     */
    public void signup(AuthRequests.Signup request, String clientIp) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        Role role = AccountInputs.selfServiceRole(request.role());
        String name = AccountInputs.fullName(request.fullName());
        PasswordPolicy.check("password", request.password(), email);
        shared.limits().take(RequestLimits.SIGNUP, "ip:" + clientIp, AuditActions.RATE_LIMITED);

        var now = shared.clock().instant();
        Account account =
                new Account(
                        UUID.randomUUID(),
                        email.value(),
                        role,
                        name,
                        shared.hasher().hash(request.password()),
                        null,
                        now);
        shared.tx()
                .executeWithoutResult(
                        status -> {
                            if (!shared.accounts().insertIfAbsent(account)) {
                                throw new Conflict(
                                        "account-exists",
                                        "this e-mail already has a "
                                                + role
                                                + " account; log in, or reset the password if you forgot"
                                                + " it");
                            }
                            // The sign-up's code starts the address's cool-down, as a resend would.
                            shared.limits()
                                    .tryTake(RequestLimits.CODE_COOLDOWN, codeKey(email, role));
                            mails.sendCode(
                                    account,
                                    CodePurpose.VERIFY_EMAIL,
                                    shared.codes().issue(account.id(), CodePurpose.VERIFY_EMAIL));
                            shared.events().publishEvent(new AccountSignedUp(account));
                        });
    }

    /**
     * Sends a new verification code (voiding the old one) to an account not yet verified. Answers
     * alike for unknown, verified and unverified addresses: the cool-down and the hourly cap are
     * counted per e-mail and role whether or not such an account exists, and an account that may
     * not receive a code now is skipped without a word.
     *
     * @throws DomainException TooManyAttempts within the cool-down of the last request for this
     *     e-mail and role, or beyond five an hour
     */
    public void resendCode(AuthRequests.ResendCode request, String clientIp) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        Role role = AccountInputs.selfServiceRole(request.role());
        shared.limits()
                .take(
                        RequestLimits.CODE_REQUEST,
                        "resend:" + email.key() + "|" + clientIp,
                        AuditActions.RATE_LIMITED);
        shared.limits()
                .take(RequestLimits.CODE_COOLDOWN, codeKey(email, role), AuditActions.RATE_LIMITED);
        shared.limits()
                .take(RequestLimits.ACCOUNT_CODES, codeKey(email, role), AuditActions.RATE_LIMITED);
        shared.tx()
                .executeWithoutResult(
                        status ->
                                shared.accounts()
                                        .find(email, role)
                                        .filter(account -> !account.verified())
                                        .filter(
                                                account ->
                                                        shared.codes()
                                                                .cooldownLeft(
                                                                        account.id(),
                                                                        CodePurpose.VERIFY_EMAIL)
                                                                .isZero())
                                        .ifPresent(this::sendNewCode));
    }

    private static String codeKey(EmailAddress email, Role role) {
        return "verify:" + email.key() + "|" + role;
    }

    private void sendNewCode(Account account) {
        mails.sendCode(
                account,
                CodePurpose.VERIFY_EMAIL,
                shared.issueForSending(account, CodePurpose.VERIFY_EMAIL, AuditActions.CODE_SENT));
    }
}
