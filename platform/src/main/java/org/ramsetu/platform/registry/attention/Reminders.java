package org.ramsetu.platform.registry.attention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * The reminders in PostgreSQL, one list in due order (oldest first, so the most overdue lead):
 * waiting listings whose labs expire within {@code labsDueWithin}, pledges pending longer than
 * {@code pledgePendingAfter}, and listings waiting longer than {@code listingPendingAfter} for
 * their centre's verification (out of allocation until then). Each branch reads a partial or status
 * index; the lists are what needs doing, not the registry.
 */
@NamedInterface("attention")
public class Reminders {

    /** A reminder and whose record it is (for object-level authorization), not shown. */
    public record Reminder(ReminderView view, UUID owner) {}

    /** How many of each kind there are now. */
    public record Counts(long labsDue, long pledgesPending, long listingsPending) {}

    private static final String LIST =
            """
            select * from (
                select 'LABS_DUE' as kind, r.id, r.patient_id as owner, r.organ,
                    l.labs_due_at as due_at, l.labs_reported_at as since,
                    greatest(r.meld_na, r.meld_3) as meld, p.hospital_name,
                    p.hospital_city as city, p.hospital_state as state
                from transplant_request_labs l
                    join transplant_request r on r.id = l.request_id
                    left join patient_profile p on p.account_id = r.patient_id
                where r.status = 'WAITING' and l.labs_due_at <= :labsHorizon
                    and (cast(:kind as varchar) is null or cast(:kind as varchar) = 'LABS_DUE')
                union all
                select 'PLEDGE_PENDING', g.id, g.donor_id, g.organ,
                    g.created_at + make_interval(secs => :pendingSeconds), g.created_at,
                    null, null, d.city, d.state
                from pledge g left join donor_profile d on d.account_id = g.donor_id
                where g.status = 'PENDING' and g.created_at <= :pendingCutoff
                    and (cast(:kind as varchar) is null
                        or cast(:kind as varchar) = 'PLEDGE_PENDING')
                union all
                select 'LISTING_PENDING', r.id, r.patient_id, r.organ,
                    r.status_changed_at + make_interval(secs => :listingSeconds),
                    r.status_changed_at, greatest(r.meld_na, r.meld_3),
                    coalesce(c.name, p.hospital_name), coalesce(c.city, p.hospital_city),
                    coalesce(c.state, p.hospital_state)
                from transplant_request r
                    left join patient_profile p on p.account_id = r.patient_id
                    left join listing_centre c on c.id = r.centre_id
                -- 'PENDING' is PENDING_VERIFICATION as stored (V224)
                where r.status = 'PENDING' and r.status_changed_at <= :listingCutoff
                    and (cast(:kind as varchar) is null
                        or cast(:kind as varchar) = 'LISTING_PENDING')
            ) reminder
            where (cast(:afterAt as timestamptz) is null
                or (due_at, id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
            order by due_at, id
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final Duration labsDueWithin;
    private final Duration pledgePendingAfter;
    private final Duration listingPendingAfter;

    public Reminders(
            JdbcClient jdbc,
            Duration labsDueWithin,
            Duration pledgePendingAfter,
            Duration listingPendingAfter) {
        this.jdbc = jdbc;
        this.labsDueWithin = labsDueWithin;
        this.pledgePendingAfter = pledgePendingAfter;
        this.listingPendingAfter = listingPendingAfter;
    }

    /**
     * Up to {@code limit} reminders after {@code after} in due order.
     *
     * @param kind {@link ReminderView#LABS_DUE}, {@link ReminderView#PLEDGE_PENDING}, {@link
     *     ReminderView#LISTING_PENDING} or null for all
     */
    public List<Reminder> list(String kind, Instant now, Cursor after, int limit) {
        return jdbc.sql(LIST)
                .param("labsHorizon", Sql.timestamp(now.plus(labsDueWithin)))
                .param("pendingCutoff", Sql.timestamp(now.minus(pledgePendingAfter)))
                .param("pendingSeconds", (double) pledgePendingAfter.toSeconds())
                .param("listingCutoff", Sql.timestamp(now.minus(listingPendingAfter)))
                .param("listingSeconds", (double) listingPendingAfter.toSeconds())
                .param("kind", kind, Types.VARCHAR)
                .param("afterAt", after == null ? null : Sql.timestamp(after.at()), Types.TIMESTAMP)
                .param("afterId", after == null ? null : after.id().toString(), Types.VARCHAR)
                .param("limit", limit)
                .query((rs, n) -> reminder(rs, now))
                .list();
    }

    public Counts count(Instant now) {
        long labs =
                jdbc.sql(
                                "select count(*) from transplant_request_labs l join"
                                        + " transplant_request r on r.id = l.request_id"
                                        + " where r.status = 'WAITING' and l.labs_due_at <= :horizon")
                        .param("horizon", Sql.timestamp(now.plus(labsDueWithin)))
                        .query(Long.class)
                        .single();
        long pledges =
                jdbc.sql(
                                "select count(*) from pledge where status = 'PENDING'"
                                        + " and created_at <= :cutoff")
                        .param("cutoff", Sql.timestamp(now.minus(pledgePendingAfter)))
                        .query(Long.class)
                        .single();
        long listings =
                jdbc.sql(
                                "select count(*) from transplant_request where status = 'PENDING'"
                                        + " and status_changed_at <= :cutoff")
                        .param("cutoff", Sql.timestamp(now.minus(listingPendingAfter)))
                        .query(Long.class)
                        .single();
        return new Counts(labs, pledges, listings);
    }

    private static Reminder reminder(ResultSet rs, Instant now) throws SQLException {
        Instant due = Sql.instant(rs, "due_at");
        int meld = rs.getInt("meld");
        Integer meldOrNull = rs.wasNull() ? null : meld;
        return new Reminder(
                new ReminderView(
                        rs.getString("kind"),
                        rs.getObject("id", UUID.class),
                        rs.getString("organ"),
                        due,
                        !due.isAfter(now),
                        Sql.instant(rs, "since"),
                        meldOrNull,
                        rs.getString("hospital_name"),
                        rs.getString("city"),
                        rs.getString("state")),
                rs.getObject("owner", UUID.class));
    }
}
