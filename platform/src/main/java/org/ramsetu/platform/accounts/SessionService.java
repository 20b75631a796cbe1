package org.ramsetu.platform.accounts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.Unauthenticated;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RequestLimits;

/**
 * E-mail verification, login, token refresh and logout. Failed attempts are counted and audited in
 * their own committed transaction before the caller gets the refusal.
 */
public class SessionService {

    private static final String WRONG_CREDENTIALS = "the e-mail address or the password is wrong";

    private final AccountCollaborators shared;
    private final RefreshTokens refreshTokens;
    private final SessionTokens tokens;
    private final SecondFactors secondFactors;

    SessionService(
            AccountCollaborators shared,
            RefreshTokens refreshTokens,
            SessionTokens tokens,
            SecondFactors secondFactors) {
        this.shared = shared;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
    }

    /** Confirms the e-mail address with the code from the sign-up mail and signs the person in. */
    public AuthTokens verify(AuthRequests.Verify request) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        Role role = AccountInputs.selfServiceRole(request.role());
        String digits = AccountInputs.code(request.code());
        // A verified account answers as an unknown one: its state is not for whoever asks.
        Account account =
                shared.accounts()
                        .find(email, role)
                        .filter(found -> !found.verified())
                        .orElseThrow(CodeProblems::noPendingCode);
        shared.takeCodeTry(account.id(), CodePurpose.VERIFY_EMAIL);
        Outcome outcome =
                shared.tx()
                        .execute(
                                status -> {
                                    CodeCheck check =
                                            shared.codes()
                                                    .check(
                                                            account.id(),
                                                            CodePurpose.VERIFY_EMAIL,
                                                            digits);
                                    if (!(check instanceof CodeCheck.Accepted)) {
                                        auditCodeRejected(account, check);
                                        return new Outcome(check, null);
                                    }
                                    shared.accounts()
                                            .markVerified(account.id(), shared.clock().instant());
                                    Account verified =
                                            shared.accounts().find(account.id()).orElseThrow();
                                    shared.events().publishEvent(new EmailVerified(verified));
                                    return new Outcome(check, tokens.startSession(verified));
                                });
        if (outcome.tokens() == null) {
            throw CodeProblems.of(outcome.check());
        }
        return outcome.tokens();
    }

    /**
     * @throws DomainException Unauthenticated for a wrong e-mail or password (the same answer for
     *     both), Forbidden for an unverified account, TooManyAttempts beyond the login limit of
     *     this e-mail and client address
     * @return tokens, or for a coordinator the challenge of the second step ({@link
     *     SecondFactors#complete})
     */
    public SignInStep login(AuthRequests.Login request, String clientIp) {
        EmailAddress email = EmailAddress.parse("email", request.email());
        String password = AccountInputs.requiredPassword("password", request.password());
        Role role = AccountInputs.optionalRole(request.role());
        shared.limits()
                .take(
                        RequestLimits.LOGIN,
                        email.key() + "|" + clientIp,
                        AuditActions.LOGIN_LOCKED_OUT,
                        Map.of("email", email.key()));

        List<Account> candidates =
                shared.accounts().findAll(email).stream()
                        .filter(a -> role == null || a.role() == role)
                        .toList();
        if (candidates.size() > 1) {
            throw InvalidInput.field(
                    "role",
                    "this e-mail has more than one account; say which role to log in as ("
                            + String.join(
                                    " or ", candidates.stream().map(a -> a.role().name()).toList())
                            + ")");
        }
        Optional<Account> found = candidates.stream().findFirst();
        if (found.isEmpty()) {
            shared.hasher().spendOneCheck(password);
            shared.audit()
                    .record(
                            AuditEntry.of(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE)
                                    .with(Map.of("reason", "unknown account")));
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        if (!shared.hasher().matches(password, account.passwordHash())) {
            shared.audit()
                    .record(
                            AccountAudit.bySelf(
                                            AuditActions.LOGIN_FAILED,
                                            AuditOutcome.FAILURE,
                                            account)
                                    .with(Map.of("reason", "wrong password")));
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        if (!account.verified()) {
            // The password was right: the role is told so that the code is confirmed for the
            // account that exists (an e-mail may hold a donor and a patient account).
            throw new Forbidden(
                    "email-not-verified",
                    "confirm your e-mail address first with the code we sent (POST"
                            + " /api/v1/auth/verify), or ask for a new code (POST"
                            + " /api/v1/auth/resend-code)",
                    Map.of("role", account.role().name()));
        }
        if (account.role().needsSecondFactor()) {
            return new SignInStep.SecondFactorNeeded(
                    shared.tx().execute(status -> secondFactors.challenge(account)));
        }
        return new SignInStep.SignedIn(
                shared.tx()
                        .execute(
                                status -> {
                                    shared.audit()
                                            .record(
                                                    AccountAudit.bySelf(
                                                            AuditActions.LOGIN_SUCCEEDED,
                                                            AuditOutcome.SUCCESS,
                                                            account));
                                    return tokens.startSession(account);
                                }));
    }

    /**
     * @throws DomainException Unauthenticated for an unknown, expired or revoked token, and for an
     *     already rotated one (whose whole family is revoked and the reuse audited)
     */
    public AuthTokens refresh(AuthRequests.Refresh request) {
        RefreshTokens.Rotation rotation =
                shared.tx().execute(status -> refreshTokens.rotate(request.refreshToken()));
        if (rotation instanceof RefreshTokens.Rotation.Rotated rotated) {
            Account account =
                    shared.accounts()
                            .find(rotated.accountId())
                            .orElseThrow(() -> new Unauthenticated("log in again"));
            if (account.role().needsSecondFactor() && rotated.secondFactorAt().isEmpty()) {
                // A coordinator's login from before second factors (or one the previous release
                // refreshed during a rolling deploy) ends here: sign-in needs the code now.
                refreshTokens.revokeFamily(account.id(), rotated.familyId());
                throw new Unauthenticated(
                        "coordinators sign in with a second factor now; log in again");
            }
            return tokens.withRefreshToken(
                    account, rotated.familyId(), rotated.newToken(), rotated.secondFactorAt());
        }
        if (rotation instanceof RefreshTokens.Rotation.Reused reused) {
            Account account = shared.accounts().find(reused.accountId()).orElseThrow();
            shared.audit()
                    .record(
                            AuditEntry.of(AuditActions.REFRESH_TOKEN_REUSED, AuditOutcome.DENIED)
                                    .by(account.id(), account.role())
                                    .on("token-family", reused.familyId()));
            throw new Unauthenticated(
                    "this refresh token was used before, so it may have been copied; every"
                            + " session of that login is signed out now; log in again");
        }
        throw new Unauthenticated(
                "the refresh token is unknown, expired or signed out; log in again");
    }

    /**
     * Signs out the login the refresh token belongs to, and the one the caller's access token
     * belongs to if it sent one (the same login, unless the client mixed two); unknown tokens are
     * ignored. Either way the login's access tokens stop working at once.
     *
     * @param caller the access token's account and session, when the request carried one
     */
    public void logout(AuthRequests.Refresh request, Optional<SignedInSession> caller) {
        shared.tx()
                .executeWithoutResult(
                        status -> {
                            Set<UUID> signedOut = new LinkedHashSet<>();
                            if (request.refreshToken() != null) {
                                refreshTokens
                                        .revokeFamilyOf(request.refreshToken())
                                        .ifPresent(signedOut::add);
                            }
                            caller.filter(
                                            c ->
                                                    refreshTokens.revokeFamily(
                                                            c.accountId(), c.sessionId()))
                                    .ifPresent(c -> signedOut.add(c.accountId()));
                            signedOut.stream()
                                    .map(shared.accounts()::find)
                                    .flatMap(Optional::stream)
                                    .forEach(
                                            account ->
                                                    shared.audit()
                                                            .record(
                                                                    AccountAudit.bySelf(
                                                                            AuditActions.LOGOUT,
                                                                            AuditOutcome.SUCCESS,
                                                                            account)));
                        });
    }

    /** The account and session an access token names. */
    public record SignedInSession(UUID accountId, UUID sessionId) {}

    /**
     * A coordinator ends every session of an account (a lost phone, a suspected break-in): its
     * refresh tokens stop working and its access tokens at once.
     *
     * @throws DomainException NotFound for an unknown account
     */
    public int revokeSessions(CurrentUser coordinator, UUID accountId) {
        return shared.tx()
                .execute(
                        status -> {
                            Account account =
                                    shared.accounts()
                                            .find(accountId)
                                            .orElseThrow(() -> new NotFound("account", accountId));
                            int tokens = refreshTokens.revokeAll(account.id());
                            shared.events()
                                    .publishEvent(
                                            new SessionsRevoked(account.id(), coordinator, tokens));
                            return tokens;
                        });
    }

    public UserView me(UUID accountId) {
        return shared.accounts()
                .find(accountId)
                .map(UserView::of)
                .orElseThrow(() -> new Unauthenticated("the account no longer exists"));
    }

    private void auditCodeRejected(Account account, CodeCheck check) {
        shared.audit()
                .record(
                        AccountAudit.bySelf(
                                        AuditActions.CODE_REJECTED, AuditOutcome.FAILURE, account)
                                .with(Map.of("reason", check.getClass().getSimpleName())));
    }

    private record Outcome(CodeCheck check, AuthTokens tokens) {}
}
