package org.ramsetu.platform.allocation.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Offer-decline reporting (NHSBT-style): what happened to the offers made in a period, declines by
 * reason, centre, organ and month, and how long answers and placements took. Counted by the day an
 * offer was made, in India's time.
 */
public class OfferReport {

    /** The longest period one report covers. */
    static final long MAX_DAYS = 731;

    static final int DEFAULT_DAYS = 90;

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final JdbcClient jdbc;
    private final Clock clock;

    OfferReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param offers offers made; each ends accepted, declined, expired, withdrawn, or is still open
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OfferOutcomes")
    public record Outcomes(
            long offers, long accepted, long declined, long expired, long withdrawn, long open) {}

    @Schema(name = "OfferDeclineReasonCount")
    public record ReasonCount(DeclineReason reason, long count) {}

    @Schema(name = "CentreOfferOutcomes")
    public record CentreOutcomes(UUID centreId, Outcomes outcomes) {}

    @Schema(name = "OrganOfferOutcomes")
    public record OrganOutcomes(Organ organ, Outcomes outcomes) {}

    /**
     * @param month {@code 2026-12}
     */
    @Schema(name = "MonthOfferOutcomes")
    public record MonthOutcomes(String month, Outcomes outcomes) {}

    /**
     * Minutes from an offer to its centre's answer (accepted, declined or provisional yes), and
     * from the start of an offering to the acceptance that placed the organ.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OfferDurations")
    public record Durations(
            long answered,
            @Nullable Double answerMedianMinutes,
            @Nullable Double answerP90Minutes,
            long placed,
            @Nullable Double placementMedianMinutes) {}

    /**
     * @param declinesByReason declines by coded reason, expiries counted as {@code NO_RESPONSE}
     */
    @Schema(name = "OfferReport")
    public record Report(
            LocalDate from,
            LocalDate to,
            @Nullable Organ organ,
            Outcomes total,
            List<ReasonCount> declinesByReason,
            List<CentreOutcomes> byCentre,
            List<OrganOutcomes> byOrgan,
            List<MonthOutcomes> byMonth,
            Durations durations) {}

    /**
     * @param from first day (default: {@link #DEFAULT_DAYS} days before {@code to})
     * @param to last day (default: today, India's time)
     * @throws DomainException NotFound for anyone but a coordinator; InvalidInput for an unknown
     *     organ, a period that ends before it starts or is longer than two years
     */
    public Report report(
            CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to, String organ) {
        if (!user.isCoordinator()) {
            throw new NotFound("offer report", "of the period");
        }
        Organ only = Fields.optionalEnum("organ", organ, Organ.class);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(INDIA)) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        if (last.isBefore(first)) {
            throw InvalidInput.field("to", "must not be before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw InvalidInput.field("from", "a report covers at most " + MAX_DAYS + " days");
        }
        String where =
                " from organ_offer o join offer_sequence s on s.id = o.sequence_id"
                        + " where (o.offered_at at time zone 'Asia/Kolkata')::date"
                        + " between :from and :to"
                        + (only == null ? "" : " and s.organ = :organ");
        String outcomes =
                "count(*), count(*) filter (where o.status = 'ACCEPTED'),"
                        + " count(*) filter (where o.status = 'DECLINED'),"
                        + " count(*) filter (where o.status = 'EXPIRED'),"
                        + " count(*) filter (where o.status = 'WITHDRAWN'),"
                        + " count(*) filter (where o.status in ('OFFERED', 'PROVISIONAL'))";
        // One pass over the period's offers: the total, and the outcomes per centre, organ, month
        // and decline reason, as grouping sets (grouping(...) = 0 names the set a row belongs to).
        List<Outcomes> total = new ArrayList<>();
        List<ReasonCount> reasons = new ArrayList<>();
        List<CentreOutcomes> centres = new ArrayList<>();
        List<OrganOutcomes> organs = new ArrayList<>();
        List<MonthOutcomes> months = new ArrayList<>();
        query(
                        "select grouping(o.centre_id), grouping(s.organ), grouping(m.month),"
                                + " grouping(o.decline_reason), o.centre_id, s.organ, m.month,"
                                + " o.decline_reason, "
                                + outcomes
                                + where.replace(
                                        " where ",
                                        " cross join lateral (select to_char(o.offered_at at time"
                                                + " zone 'Asia/Kolkata', 'YYYY-MM') as month) m"
                                                + " where ")
                                + " group by grouping sets ((), (o.centre_id), (s.organ),"
                                + " (m.month), (o.decline_reason))",
                        first,
                        last,
                        only)
                .query(
                        rs -> {
                            Outcomes row = outcomes(rs, 9);
                            if (rs.getInt(1) == 0) {
                                centres.add(new CentreOutcomes(rs.getObject(5, UUID.class), row));
                            } else if (rs.getInt(2) == 0) {
                                organs.add(new OrganOutcomes(Organ.valueOf(rs.getString(6)), row));
                            } else if (rs.getInt(3) == 0) {
                                months.add(new MonthOutcomes(rs.getString(7), row));
                            } else if (rs.getInt(4) == 0) {
                                if (rs.getString(8) != null) {
                                    reasons.add(
                                            new ReasonCount(
                                                    DeclineReason.valueOf(rs.getString(8)),
                                                    row.offers()));
                                }
                            } else {
                                total.add(row);
                            }
                        });
        reasons.sort(
                Comparator.comparingLong(ReasonCount::count)
                        .reversed()
                        .thenComparing(r -> r.reason().name()));
        centres.sort(
                Comparator.comparingLong((CentreOutcomes c) -> c.outcomes().offers())
                        .reversed()
                        .thenComparing(c -> c.centreId().toString()));
        organs.sort(Comparator.comparing(OrganOutcomes::organ));
        months.sort(Comparator.comparing(MonthOutcomes::month));
        Durations durations =
                query(
                                "select count(*) filter (where a.minutes is not null),"
                                        + " percentile_cont(0.5) within group (order by a.minutes),"
                                        + " percentile_cont(0.9) within group (order by a.minutes),"
                                        + " (select count(*) from offer_sequence s2 join organ_offer"
                                        + "   p on p.sequence_id = s2.id and p.status = 'ACCEPTED'"
                                        + "   where s2.id in (select o.sequence_id"
                                        + where
                                        + ")),"
                                        + " (select percentile_cont(0.5) within group (order by"
                                        + "   extract(epoch from p.answered_at - s2.started_at)"
                                        + "   / 60) from offer_sequence s2 join organ_offer p on"
                                        + "   p.sequence_id = s2.id and p.status = 'ACCEPTED'"
                                        + "   where s2.id in (select o.sequence_id"
                                        + where
                                        + "))"
                                        + " from (select extract(epoch from o.answered_at"
                                        + " - o.offered_at) / 60 as minutes"
                                        + where
                                        + " and o.answered_by is not null) a",
                                first,
                                last,
                                only)
                        .query(
                                (rs, n) ->
                                        new Durations(
                                                rs.getLong(1),
                                                rounded(rs, 2),
                                                rounded(rs, 3),
                                                rs.getLong(4),
                                                rounded(rs, 5)))
                        .single();
        return new Report(
                first,
                last,
                only,
                total.isEmpty() ? new Outcomes(0, 0, 0, 0, 0, 0) : total.get(0),
                reasons,
                centres,
                organs,
                months,
                durations);
    }

    private JdbcClient.StatementSpec query(
            String sql, LocalDate from, LocalDate to, @Nullable Organ organ) {
        JdbcClient.StatementSpec spec =
                jdbc.sql(sql)
                        .param("from", java.sql.Date.valueOf(from))
                        .param("to", java.sql.Date.valueOf(to));
        return organ == null ? spec : spec.param("organ", organ.name());
    }

    private static Outcomes outcomes(ResultSet rs, int first) throws SQLException {
        return new Outcomes(
                rs.getLong(first),
                rs.getLong(first + 1),
                rs.getLong(first + 2),
                rs.getLong(first + 3),
                rs.getLong(first + 4),
                rs.getLong(first + 5));
    }

    private static @Nullable Double rounded(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
