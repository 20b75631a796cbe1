package org.ramsetu.platform.accounts;

import java.util.Map;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.context.event.EventListener;

/**
 * The audit trail of an account's life: sign-up, e-mail verification, password reset and revoked
 * sessions, each written in the transaction of the change (synchronous listeners). Refusals (a
 * wrong code, a failed login, a reused refresh token) are audited where they are decided, since no
 * change takes place for an event to announce.
 */
class AccountAudit {

    private final AuditLog audit;

    AccountAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedUp(AccountSignedUp event) {
        recordBySelf(AuditActions.SIGNUP, event.account());
    }

    @EventListener
    void emailVerified(EmailVerified event) {
        recordBySelf(AuditActions.EMAIL_VERIFIED, event.account());
    }

    @EventListener
    void passwordReset(PasswordResetCompleted event) {
        recordBySelf(AuditActions.PASSWORD_RESET, event.account());
    }

    @EventListener
    void sessionsRevoked(SessionsRevoked event) {
        audit.record(
                AuditEntry.of(AuditActions.SESSIONS_REVOKED, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on("account", event.accountId())
                        .with(Map.of("refreshTokens", event.refreshTokens())));
    }

    private void recordBySelf(String action, Account account) {
        audit.record(bySelf(action, AuditOutcome.SUCCESS, account));
    }

    /** An entry of what the account did to itself, or what was refused it. */
    static AuditEntry bySelf(String action, AuditOutcome outcome, Account account) {
        return AuditEntry.of(action, outcome)
                .by(account.id(), account.role())
                .on("account", account.id());
    }
}
