package org.ramsetu.platform.registry;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row locks on pledges and transplant requests for the features that act on them in their own
 * transactions: matching approves a match (the pledge donated, the request matched), and a ranking
 * run is written only while its pledge or request is as it was ranked. A lock lasts until the
 * caller's transaction ends.
 */
public class ListingLocks {

    /** A listing's status and version as locked. */
    public record Locked(String status, long version) {}

    private final JdbcClient jdbc;

    public ListingLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the pledge and then the request, in that order always, so that two transactions that
     * share either wait for each other instead of deadlocking. An unknown id locks nothing; the
     * change that follows refuses it.
     */
    public void lockPledgeThenRequest(PledgeId pledge, RequestId request) {
        lock(pledge);
        lock(request);
    }

    /** Locks the pledge and tells its status and version; empty for an unknown pledge. */
    public Optional<Locked> lock(PledgeId pledge) {
        return locked(
                "select status, version from pledge where id = :id for update", pledge.value());
    }

    /** Locks the request and tells its status and version; empty for an unknown request. */
    public Optional<Locked> lock(RequestId request) {
        return locked(
                "select status, version from transplant_request where id = :id for update",
                request.value());
    }

    private Optional<Locked> locked(String sql, UUID id) {
        return jdbc.sql(sql)
                .param("id", id)
                .query((rs, row) -> new Locked(rs.getString("status"), rs.getLong("version")))
                .optional();
    }
}
