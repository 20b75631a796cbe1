package org.ramsetu.platform.registry.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads donor and patient profiles have alike: one profile by its account, and the profiles of
 * several accounts in one statement (for lists), from the table and the named columns given.
 */
public final class ProfileRows<P> {

    private final JdbcClient jdbc;
    private final String select;
    private final RowMapper<P> rows;
    private final Function<P, UUID> accountOf;

    /**
     * @param columns the columns named, not "*": a column a later release adds changes nothing this
     *     release reads
     */
    public ProfileRows(
            JdbcClient jdbc,
            String table,
            String columns,
            RowMapper<P> rows,
            Function<P, UUID> accountOf) {
        this.jdbc = jdbc;
        this.select = "select " + columns + " from " + table + " where account_id ";
        this.rows = rows;
        this.accountOf = accountOf;
    }

    public Optional<P> find(UUID accountId) {
        return jdbc.sql(select + "= :id").param("id", accountId).query(rows).optional();
    }

    /** The profiles of the accounts (an account without one is left out); none asked, no read. */
    public Map<AccountId, P> find(Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Map<AccountId, P> found = new HashMap<>();
        jdbc.sql(select + "= any (:ids)")
                .param("ids", accounts.stream().map(AccountId::value).toArray(UUID[]::new))
                .query(rows)
                .list()
                .forEach(profile -> found.put(new AccountId(accountOf.apply(profile)), profile));
        return found;
    }
}
