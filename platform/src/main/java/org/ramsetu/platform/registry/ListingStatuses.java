package org.ramsetu.platform.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of a set of listings still count: the requests still {@code WAITING}, the pledges still
 * {@code VERIFIED}. A re-processing batch asks it for the listings whose latest ranking run is
 * stale, a window at a time, and ranks again only those that still count.
 */
public class ListingStatuses {

    private final JdbcClient jdbc;

    public ListingStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests among {@code requests} that are waiting; unknown ids are left out. */
    public Set<RequestId> waiting(Collection<RequestId> requests) {
        return among(
                        "select id from transplant_request where id in (:ids) and status = 'WAITING'",
                        requests.stream().map(RequestId::value).toList())
                .stream()
                .map(RequestId::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The pledges among {@code pledges} that are verified; unknown ids are left out. */
    public Set<PledgeId> verified(Collection<PledgeId> pledges) {
        return among(
                        "select id from pledge where id in (:ids) and status = 'VERIFIED'",
                        pledges.stream().map(PledgeId::value).toList())
                .stream()
                .map(PledgeId::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A verified pledge as it stands: whose it is and the version a decision must name. */
    public record StillVerified(UUID donorId, long version) {}

    /**
     * The pledges among {@code pledges} that are verified and have not changed since {@code since}:
     * a pledge changes only by a change of status (its tests with it), so one whose status last
     * changed before then is the pledge a run of that time ranked. Unknown ids are left out.
     */
    public Map<PledgeId, StillVerified> verifiedUnchangedSince(
            Collection<PledgeId> pledges, Instant since) {
        if (pledges.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        """
                        select id, donor_id, version from pledge
                        where id in (:ids) and status = 'VERIFIED' and status_changed_at <= :since
                        """)
                .param("ids", pledges.stream().map(PledgeId::value).toList())
                .param("since", Sql.timestamp(since))
                .query(
                        (rs, row) ->
                                Map.entry(
                                        new PledgeId(rs.getObject("id", UUID.class)),
                                        new StillVerified(
                                                rs.getObject("donor_id", UUID.class),
                                                rs.getLong("version"))))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One waiting request of the organ, any; empty when none waits. */
    public Optional<RequestId> anyWaiting(Organ organ) {
        return jdbc.sql(
                        "select id from transplant_request where organ = :organ"
                                + " and status = 'WAITING' limit 1")
                .param("organ", organ.name())
                .query(UUID.class)
                .optional()
                .map(RequestId::new);
    }

    private List<UUID> among(String sql, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql).param("ids", ids).query(UUID.class).list();
    }
}
