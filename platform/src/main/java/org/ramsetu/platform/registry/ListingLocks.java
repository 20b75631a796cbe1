package org.ramsetu.platform.registry;

import java.util.UUID;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row locks on a pledge and a transplant request, for a feature that changes both in one
 * transaction (matching approves a match: the pledge is donated, the request matched). Taken in one
 * order, the pledge before the request, so that two such transactions that share either wait for
 * each other instead of deadlocking. An unknown id locks nothing; the change that follows refuses
 * it.
 */
public class ListingLocks {

    private final JdbcClient jdbc;

    public ListingLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the pledge and then the request until the caller's transaction ends. */
    public void lockPledgeThenRequest(PledgeId pledge, RequestId request) {
        jdbc.sql("select id from pledge where id = :id for update")
                .param("id", pledge.value())
                .query(UUID.class)
                .optional();
        jdbc.sql("select id from transplant_request where id = :id for update")
                .param("id", request.value())
                .query(UUID.class)
                .optional();
    }
}
