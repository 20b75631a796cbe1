package org.ramsetu.platform.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts in PostgreSQL. */
public class AccountRepository {

    private static final String COLUMNS =
            "id, email, role, full_name, password_hash, verified_at, created_at";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the account unless one with its e-mail and role exists.
     *
     * @return false when that e-mail already has an account with that role
     */
    public boolean insertIfAbsent(Account account) {
        return jdbc.sql(
                                """
                                insert into account (id, email, email_key, role, full_name,
                                    password_hash, verified_at, created_at, password_changed_at)
                                values (:id, :email, :key, :role, :name, :hash, :verified, :created,
                                    :created)
                                on conflict (email_key, role) do nothing
                                """)
                        .param("id", account.id())
                        .param("email", account.email())
                        .param("key", EmailAddress.keyOf(account.email()))
                        .param("role", account.role().name())
                        .param("name", account.fullName())
                        .param("hash", account.passwordHash())
                        .param("verified", timestamp(account.verifiedAt()))
                        .param("created", timestamp(account.createdAt()))
                        .update()
                > 0;
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    public Optional<Account> find(EmailAddress email, Role role) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from account where email_key = :key and role = :role")
                .param("key", email.key())
                .param("role", role.name())
                .query(AccountRepository::map)
                .optional();
    }

    /**
     * The oldest coordinator account, if there is one: who demo records that only a coordinator
     * makes (donation cases) are attributed to.
     */
    public Optional<UUID> firstCoordinator() {
        return jdbc.sql("select id from account where role = :role order by created_at, id limit 1")
                .param("role", Role.ADMIN.name())
                .query(UUID.class)
                .optional();
    }

    /**
     * Makes a coordinator an administrator of the registry of transplant centres.
     *
     * @return false when the account is one already, or is no coordinator
     */
    public boolean grantAdministrator(UUID id) {
        return jdbc.sql(
                                """
                                update account set administrator = true, version = version + 1
                                where id = :id and role = :role and not administrator
                                """)
                        .param("id", id)
                        .param("role", Role.ADMIN.name())
                        .update()
                > 0;
    }

    /** Whether the account is a coordinator who administers the registry of centres. */
    public boolean isAdministrator(UUID id) {
        return jdbc.sql(
                        "select exists (select 1 from account where id = :id and role = :role"
                                + " and administrator)")
                .param("id", id)
                .param("role", Role.ADMIN.name())
                .query(Boolean.class)
                .single();
    }

    /** Every account of one e-mail address (at most one per role). */
    public List<Account> findAll(EmailAddress email) {
        return jdbc.sql("select " + COLUMNS + " from account where email_key = :key order by role")
                .param("key", email.key())
                .query(AccountRepository::map)
                .list();
    }

    public void markVerified(UUID id, Instant at) {
        jdbc.sql(
                        "update account set verified_at = coalesce(verified_at, :at),"
                                + " version = version + 1 where id = :id")
                .param("id", id)
                .param("at", timestamp(at))
                .update();
    }

    public void changePassword(UUID id, String hash, Instant at) {
        jdbc.sql(
                        "update account set password_hash = :hash, password_changed_at = :at,"
                                + " version = version + 1 where id = :id")
                .param("id", id)
                .param("hash", hash)
                .param("at", timestamp(at))
                .update();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Timestamp verified = rs.getTimestamp("verified_at");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                verified == null ? null : verified.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
