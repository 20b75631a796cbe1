package org.ramsetu.platform.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.platform.reporting.MonthlyFigures.Dimension;
import org.ramsetu.platform.reporting.MonthlyFigures.Figure;
import org.ramsetu.platform.reporting.MonthlyFigures.Measure;

/**
 * Counts one month of registry activity, one aggregate query per measure ({@code grouping sets}:
 * the total and each dimension in one pass over the month's rows). Reads through {@link
 * ReplicaReads}: a report tolerates seconds of staleness and writes nothing on its strength.
 *
 * <p>Which moment puts a record in a month: a pledge its creation, a listing its listing time, an
 * approval or decline the coordinator's decision, a transplant the request's change to {@code
 * TRANSPLANTED}, an offer the proposal's creation (whatever became of it since). State is the
 * donor's for pledges and the patient's hospital's otherwise; centre is the patient's hospital.
 */
final class RegistryCounts {

    private static final String UNKNOWN = "unknown";

    private static final String PATIENT_SIDE =
            """
             join transplant_request r on r.id = m.request_id
             left join patient_profile pp on pp.account_id = r.patient_id
            """;

    private final ReplicaReads reads;
    private final Clock clock;

    RegistryCounts(ReplicaReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    MonthlyFigures of(YearMonth month) {
        List<Figure> figures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            figures.addAll(count(measure, month));
        }
        return new MonthlyFigures(month, clock.instant(), figures);
    }

    private List<Figure> count(Measure measure, YearMonth month) {
        List<String> dimensions = new ArrayList<>(List.of("organ", "state"));
        if (measure.byCentre) {
            dimensions.add("centre");
        }
        if (measure == Measure.DECLINES) {
            dimensions.add("reason");
        }
        // grouping() accepts only grouped columns: a dimension this measure lacks is never grouped.
        StringBuilder columns = new StringBuilder();
        for (String d : List.of("organ", "state", "centre", "reason")) {
            columns.append(dimensions.contains(d) ? "grouping(" + d + ")" : "1")
                    .append(" as g_")
                    .append(d)
                    .append(", ")
                    .append(dimensions.contains(d) ? d : "cast(null as varchar) as " + d)
                    .append(", ");
        }
        String sets =
                "()"
                        + dimensions.stream()
                                .map(d -> ", (" + d + ")")
                                .collect(java.util.stream.Collectors.joining());
        String sql =
                """
                select %s count(*) as n
                  from (%s) x
                 group by grouping sets (%s)
                """
                        .formatted(columns, source(measure), sets);
        return reads.jdbc()
                .sql(sql)
                .param("from", Timestamp.from(ReportMonths.start(month)))
                .param("to", Timestamp.from(ReportMonths.end(month)))
                .query(
                        (rs, i) -> {
                            Dimension dimension;
                            String value;
                            if (rs.getInt("g_organ") == 0) {
                                dimension = Dimension.ORGAN;
                                value = rs.getString("organ");
                            } else if (rs.getInt("g_state") == 0) {
                                dimension = Dimension.STATE;
                                value = rs.getString("state");
                            } else if (rs.getInt("g_centre") == 0) {
                                dimension = Dimension.CENTRE;
                                value = rs.getString("centre");
                            } else if (rs.getInt("g_reason") == 0) {
                                dimension = Dimension.REASON;
                                value = rs.getString("reason");
                            } else {
                                dimension = Dimension.TOTAL;
                                value = "";
                            }
                            return new Figure(
                                    measure,
                                    dimension,
                                    value == null ? UNKNOWN : value,
                                    rs.getLong("n"));
                        })
                // An empty month still has its total row (the empty grouping set): a 0.
                .list();
    }

    private static String source(Measure measure) {
        String patientColumns =
                "m.organ, coalesce(r.hospital_state, pp.hospital_state) as state,"
                        + " pp.hospital_name as centre";
        return switch (measure) {
            case PLEDGES ->
                    """
                    select p.organ, coalesce(p.donor_state, d.state) as state,
                           cast(null as varchar) as centre, cast(null as varchar) as reason
                      from pledge p left join donor_profile d on d.account_id = p.donor_id
                     where p.created_at >= :from and p.created_at < :to
                    """;
            case LISTINGS ->
                    """
                    select r.organ, coalesce(r.hospital_state, pp.hospital_state) as state,
                           pp.hospital_name as centre, cast(null as varchar) as reason
                      from transplant_request r
                      left join patient_profile pp on pp.account_id = r.patient_id
                     where r.listed_at >= :from and r.listed_at < :to
                    """;
            case TRANSPLANTED ->
                    """
                    select r.organ, coalesce(r.hospital_state, pp.hospital_state) as state,
                           pp.hospital_name as centre, cast(null as varchar) as reason
                      from transplant_request r
                      left join patient_profile pp on pp.account_id = r.patient_id
                     where r.status = 'TRANSPLANTED'
                       and r.status_changed_at >= :from and r.status_changed_at < :to
                    """;
            case TRANSPLANTS_APPROVED ->
                    "select "
                            + patientColumns
                            + ", cast(null as varchar) as reason from match m"
                            + PATIENT_SIDE
                            + " where m.status = 'APPROVED'"
                            + " and m.decided_at >= :from and m.decided_at < :to";
            case OFFERS ->
                    "select "
                            + patientColumns
                            + ", cast(null as varchar) as reason from match m"
                            + PATIENT_SIDE
                            + " where m.created_at >= :from and m.created_at < :to";
            case DECLINES ->
                    "select "
                            + patientColumns
                            + ", m.decline_reason as reason from match m"
                            + PATIENT_SIDE
                            + " where m.status = 'DECLINED'"
                            + " and m.decided_at >= :from and m.decided_at < :to";
        };
    }
}
