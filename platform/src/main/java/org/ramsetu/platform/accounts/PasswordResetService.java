package org.ramsetu.platform.accounts;

import java.util.List;
import java.util.Map;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.security.RequestLimits;

/**
 * Password reset by an e-mailed code. The request answers the same whether or not the address has
 * an account, so it cannot be used to find out who is registered.
 */
public class PasswordResetService {

    private final AccountCollaborators shared;
    private final AccountMails mails;
    private final RefreshTokens refreshTokens;

    PasswordResetService(
            AccountCollaborators shared, AccountMails mails, RefreshTokens refreshTokens) {
        this.shared = shared;
        this.mails = mails;
        this.refreshTokens = refreshTokens;
    }

    /** E-mails a reset code to each matching account (quietly skipped within the cool-down). */
    public void request(AuthRequests.PasswordReset request, String clientIp) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        Role role = AccountInputs.optionalRole(request.role());
        shared.limits()
                .take(
                        RequestLimits.CODE_REQUEST,
                        "reset:" + email.key() + "|" + clientIp,
                        AuditActions.RATE_LIMITED);
        shared.tx()
                .executeWithoutResult(
                        status ->
                                matching(email, role).stream()
                                        .filter(this::mayReceiveACodeNow)
                                        .forEach(this::sendCode));
    }

    /**
     * Sets the new password when the code is right, and signs out every session of the account.
     *
     * @throws DomainException InvalidInput with one answer for every refused code and every unknown
     *     address, TooManyAttempts beyond five tries of a code
     */
    public void confirm(AuthRequests.PasswordResetConfirmation request) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        Role role = AccountInputs.optionalRole(request.role());
        String digits = AccountInputs.code(request.code());
        PasswordPolicy.check("newPassword", request.newPassword(), email);
        // Hashed before the account is looked up, so an unknown address takes as long (Argon2id
        // dominates the time of this request).
        String newHash = shared.hasher().hash(request.newPassword());
        List<Account> found = matching(email, role);
        if (found.size() > 1) {
            throw InvalidInput.field(
                    "role", "this e-mail has more than one account; say which one to reset");
        }
        Account account = found.stream().findFirst().orElseThrow(CodeProblems::resetRefused);
        shared.takeCodeTry(account.id(), CodePurpose.RESET_PASSWORD);
        CodeCheck check =
                shared.tx()
                        .execute(
                                status -> {
                                    CodeCheck result =
                                            shared.codes()
                                                    .check(
                                                            account.id(),
                                                            CodePurpose.RESET_PASSWORD,
                                                            digits);
                                    if (result instanceof CodeCheck.Accepted) {
                                        var now = shared.clock().instant();
                                        shared.accounts()
                                                .changePassword(account.id(), newHash, now);
                                        shared.accounts().markVerified(account.id(), now);
                                        refreshTokens.revokeAll(account.id());
                                        shared.events()
                                                .publishEvent(new PasswordResetCompleted(account));
                                    } else {
                                        auditRefusal(account, result);
                                    }
                                    return result;
                                });
        if (!(check instanceof CodeCheck.Accepted)) {
            // One answer for a wrong, expired, used-up or missing code and an unknown address:
            // anyone may start a reset for any address, so telling them apart would reveal
            // which addresses have accounts (coordinators' included). The audit keeps the reason.
            throw CodeProblems.resetRefused();
        }
    }

    private void auditRefusal(Account account, CodeCheck refused) {
        shared.audit()
                .record(
                        AccountAudit.bySelf(
                                        AuditActions.CODE_REJECTED, AuditOutcome.FAILURE, account)
                                .with(
                                        Map.of(
                                                "reason",
                                                refused.getClass().getSimpleName(),
                                                "purpose",
                                                "RESET_PASSWORD")));
    }

    private List<Account> matching(EmailAddress email, Role role) {
        return shared.accounts().findAll(email).stream()
                .filter(a -> role == null || a.role() == role)
                .toList();
    }

    // Quietly skipped when not: a refusal would tell the caller that the account exists.
    private boolean mayReceiveACodeNow(Account account) {
        return shared.codes().cooldownLeft(account.id(), CodePurpose.RESET_PASSWORD).isZero()
                && shared.limits()
                        .tryTake(RequestLimits.ACCOUNT_CODES, "reset:" + account.id())
                        .allowed();
    }

    private void sendCode(Account account) {
        mails.sendCode(
                account,
                CodePurpose.RESET_PASSWORD,
                shared.issueForSending(
                        account,
                        CodePurpose.RESET_PASSWORD,
                        AuditActions.PASSWORD_RESET_REQUESTED));
    }
}
