package org.ramsetu.platform.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts as other features see them when they write to people: a name and an address, never a
 * credential. Matching mails the parties of a match, reporting and reminders mail every
 * coordinator. A plain reader of the accounts table, so that targets without the accounts feature
 * (the worker) can build one.
 */
public class Contacts {

    /** A person to write to. */
    public record Contact(UUID id, String fullName, String email) {}

    private static final String SELECT = "select id, full_name, email from account where ";

    private static final String COORDINATOR = "role = '" + Role.ADMIN.name() + "'";

    private final JdbcClient jdbc;

    public Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> of(AccountId account) {
        return jdbc.sql(SELECT + "id = :id")
                .param("id", account.value())
                .query(Contacts::contact)
                .optional();
    }

    /** The contacts of several accounts at once (an unknown account is left out). */
    public Map<AccountId, Contact> of(Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Map<AccountId, Contact> found = new HashMap<>();
        jdbc.sql(SELECT + "id = any (:ids)")
                .param("ids", accounts.stream().map(AccountId::value).toArray(UUID[]::new))
                .query(Contacts::contact)
                .list()
                .forEach(c -> found.put(new AccountId(c.id()), c));
        return found;
    }

    /** Every coordinator, the longest-standing first. */
    public List<Contact> coordinators() {
        return jdbc.sql(SELECT + COORDINATOR + " order by created_at, id")
                .query(Contacts::contact)
                .list();
    }

    /** Up to {@code limit} coordinators after {@code after} in id order (null: from the first). */
    public List<Contact> coordinatorsAfter(AccountId after, int limit) {
        return jdbc.sql(SELECT + COORDINATOR + " and id > :after order by id limit :limit")
                .param("after", after == null ? new UUID(0, 0) : after.value())
                .param("limit", limit)
                .query(Contacts::contact)
                .list();
    }

    public long coordinatorCount() {
        return jdbc.sql("select count(*) from account where " + COORDINATOR)
                .query(Long.class)
                .single();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(
                rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("email"));
    }
}
