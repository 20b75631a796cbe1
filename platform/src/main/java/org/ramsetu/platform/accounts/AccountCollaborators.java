package org.ramsetu.platform.accounts;

import java.time.Clock;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.security.RequestLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the account use cases of sign-up, sessions and password resets work with: the accounts,
 * their one-time codes, the password hasher, the request limits, the audit log, the event
 * publisher, transactions and the clock. One bean, so that each use case names only what is its own
 * beside it, instead of the same eight collaborators in each constructor and factory.
 */
record AccountCollaborators(
        AccountRepository accounts,
        OneTimeCodes codes,
        PasswordHasher hasher,
        RequestLimits limits,
        AuditLog audit,
        ApplicationEventPublisher events,
        TransactionTemplate tx,
        Clock clock) {

    /**
     * Takes one try from the verification limit of the account's latest code of this purpose,
     * before the code is checked: a guessed code is refused beyond the limit even when it is right.
     */
    void takeCodeTry(UUID accountId, CodePurpose purpose) {
        codes.latestCodeId(accountId, purpose)
                .ifPresent(
                        codeId ->
                                limits.take(
                                        RequestLimits.CODE_VERIFICATION,
                                        "code:" + codeId,
                                        AuditActions.CODE_REJECTED));
    }

    /**
     * A new code of this purpose for the account to be sent, in this transaction, by the caller;
     * the sending is recorded in the audit as {@code action} now, and commits or rolls back with
     * it.
     */
    OneTimeCodes.IssuedCode issueForSending(Account account, CodePurpose purpose, String action) {
        OneTimeCodes.IssuedCode code = codes.issue(account.id(), purpose);
        audit.record(AccountAudit.bySelf(action, AuditOutcome.SUCCESS, account));
        return code;
    }
}
