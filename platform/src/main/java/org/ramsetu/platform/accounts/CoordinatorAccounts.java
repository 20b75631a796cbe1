package org.ramsetu.platform.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates coordinator (ADMIN) accounts: the only ways are the bootstrap settings at start-up and
 * {@code ramsetu admin create}, both run by whoever operates the installation.
 */
public class CoordinatorAccounts {

    /** The audited name of the administrator grant, beside the roles. */
    static final String ADMINISTRATOR = "ADMINISTRATOR";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final ProvisionedSecondFactors secondFactors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CoordinatorAccounts(
            AccountRepository accounts,
            PasswordHasher hasher,
            ProvisionedSecondFactors secondFactors,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param grantedBy how the role was granted, for the audit log (e.g. {@code bootstrap})
     * @return true when created, false when that e-mail already has a coordinator account (left
     *     unchanged)
     * @throws DomainException when the e-mail, name or password is not acceptable (the message
     *     names which)
     */
    public boolean create(String emailText, String fullName, String password, String grantedBy) {
        return create(emailText, fullName, password, grantedBy, Optional.empty());
    }

    /**
     * @param totpSecret the authenticator secret (Base32) to enrol, when the operator provides it
     *     instead of the coordinator's first sign-in; enrolled on an existing account too, as long
     *     as that has no confirmed second factor (a confirmed one is never replaced)
     * @return true when created, false when that e-mail already has a coordinator account (left
     *     unchanged, but for the enrolment just described)
     */
    public boolean create(
            String emailText,
            String fullName,
            String password,
            String grantedBy,
            Optional<String> totpSecret) {
        return create(emailText, fullName, password, grantedBy, totpSecret, false);
    }

    /**
     * @param administrator whether the coordinator also administers the registry of transplant
     *     centres; granted to an existing coordinator account too (never taken away here)
     * @return true when created, false when that e-mail already has a coordinator account (left
     *     unchanged, but for the enrolment and the administrator grant)
     */
    public boolean create(
            String emailText,
            String fullName,
            String password,
            String grantedBy,
            Optional<String> totpSecret,
            boolean administrator) {
        EmailAddress email = EmailAddress.parse("email", emailText);
        String name = AccountInputs.fullName(fullName);
        PasswordPolicy.check("password", password, email);
        if (totpSecret.isPresent() && Totp.decodeSecret(totpSecret.get()).isEmpty()) {
            throw InvalidInput.field(
                    "totpSecret", "must be Base32 (RFC 4648) holding at least 128 bits");
        }
        var now = clock.instant();
        Account account =
                new Account(
                        UUID.randomUUID(),
                        email.value(),
                        Role.ADMIN,
                        name,
                        hasher.hash(password),
                        now,
                        now);
        return Boolean.TRUE.equals(
                tx.execute(
                        status -> {
                            boolean created = accounts.insertIfAbsent(account);
                            UUID id =
                                    created
                                            ? account.id()
                                            : accounts.find(email, Role.ADMIN).orElseThrow().id();
                            totpSecret.ifPresent(
                                    secret -> secondFactors.enrol(id, secret, grantedBy));
                            if (created) {
                                granted(id, Role.ADMIN.name(), grantedBy);
                            }
                            if (administrator && accounts.grantAdministrator(id)) {
                                granted(id, ADMINISTRATOR, grantedBy);
                            }
                            return created;
                        }));
    }

    private void granted(UUID account, String role, String grantedBy) {
        audit.record(
                AuditEntry.of(AuditActions.ROLE_GRANTED, AuditOutcome.SUCCESS)
                        .on("account", account)
                        .with(Map.of("role", role, "grantedBy", grantedBy)));
    }
}
