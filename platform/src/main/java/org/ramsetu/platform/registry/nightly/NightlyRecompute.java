package org.ramsetu.platform.registry.nightly;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Epts;
import org.ramsetu.core.scores.EptsFactors;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.LabRecertification;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.platform.records.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code registry.nightly-recompute}: walks the waiting list in keyset chunks and
 * brings what drifts with the calendar up to date — the EPTS percentile of adult kidney candidates
 * (age and time on dialysis grow) and each listing's recertification due date (the schedule may
 * have changed, rows of the previous release have none). Waiting days are not stored: they are
 * {@code now − listed_at}, exact whenever read, while a stored copy would be wrong by the next
 * morning.
 *
 * <p>The job does not bump {@code transplant_request.version}. That version guards coordinators'
 * decisions: a match is approved only if the request is still at the version its run ranked, so a
 * nightly bump would refuse every open proposal of every adult kidney candidate each morning. The
 * recomputed columns are derived (from the calendar and values nobody else writes); a status change
 * racing this job cannot be lost because each statement writes only its own columns.
 */
public final class NightlyRecompute {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String RUN_COLUMNS =
            """
            scheduled_for, started_at, finished_at, examined, epts_changed, epts_skipped,
            labs_due_changed, labs_overdue
            """;

    public static final String NAME = "registry.nightly-recompute";

    private static final Logger log = LoggerFactory.getLogger(NightlyRecompute.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EPTS_MINIMUM_AGE = 18;

    /** Below every other id in PostgreSQL's (byte-wise) uuid order: where a run starts. */
    private static final UUID FIRST = new UUID(0, 0);

    /** The checkpoint after the last effect of a run. */
    private static final String FINISHED = "finished";

    private final JdbcClient jdbc;
    private final PercentileTable eptsTable;
    private final LabRecertification schedule;
    private final ZoneId zone;
    private final int chunkSize;
    private final Clock clock;

    /**
     * @param zone where "today" is, for ages and dialysis time (the registry's, Asia/Kolkata)
     */
    public NightlyRecompute(
            JdbcClient jdbc,
            PercentileTable eptsTable,
            LabRecertification schedule,
            ZoneId zone,
            int chunkSize,
            Clock clock) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        this.jdbc = jdbc;
        this.eptsTable = Objects.requireNonNull(eptsTable, "eptsTable");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.zone = zone;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    /** What one run changed; also the row of {@code nightly_recompute_run}. */
    public record Summary(
            Instant scheduledFor,
            Instant startedAt,
            Instant finishedAt,
            int examined,
            int eptsChanged,
            int eptsSkipped,
            int labsDueChanged,
            int labsOverdue) {}

    public void run(WorkContext ctx) {
        Instant runFor = ctx.scheduledFor().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(ctx.scheduledFor(), zone);
        long total =
                jdbc.sql("select count(*) from transplant_request where status = 'WAITING'")
                        .query(Long.class)
                        .single();
        Optional<String> checkpoint = ctx.checkpoint().filter(c -> !c.isEmpty());
        if (checkpoint.filter(FINISHED::equals).isPresent()) {
            // killed after its last effect, before the scheduler recorded success: nothing left
            return;
        }
        UUID after = checkpoint.map(UUID::fromString).orElse(null);
        long done = summary(runFor).map(Summary::examined).orElse(0);
        ctx.progress(done, total, after == null ? "starting" : "resuming after " + after);
        while (true) {
            if (ctx.stopping()) {
                throw new WorkInterruptedException(NAME);
            }
            List<Row> chunk = chunkAfter(after);
            if (chunk.isEmpty()) {
                break;
            }
            Instant now = Sql.now(clock);
            Chunk result = recompute(chunk, today, now);
            UUID last = chunk.get(chunk.size() - 1).id();
            ctx.effectOnce("chunk:" + last, last.toString(), () -> write(runFor, now, result));
            after = last;
            done += chunk.size();
            ctx.progress(done, Math.max(total, done), "recomputed up to " + last);
            if (chunk.size() < chunkSize) {
                break;
            }
        }
        ctx.effectOnce("finish", FINISHED, () -> finish(runFor));
        summary(runFor)
                .ifPresent(
                        s ->
                                log.info(
                                        "nightly recomputation for {}: {} waiting listings, EPTS"
                                                + " changed {} (left {}), labs due date changed"
                                                + " {}, labs overdue {}",
                                        today,
                                        s.examined(),
                                        s.eptsChanged(),
                                        s.eptsSkipped(),
                                        s.labsDueChanged(),
                                        s.labsOverdue()));
    }

    public Optional<Summary> summary(Instant scheduledFor) {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from nightly_recompute_run where scheduled_for = :at")
                .param("at", Sql.timestamp(scheduledFor.truncatedTo(ChronoUnit.MICROS)))
                .query(
                        (rs, n) ->
                                new Summary(
                                        Sql.instant(rs, "scheduled_for"),
                                        Sql.instant(rs, "started_at"),
                                        Sql.instant(rs, "finished_at"),
                                        rs.getInt("examined"),
                                        rs.getInt("epts_changed"),
                                        rs.getInt("epts_skipped"),
                                        rs.getInt("labs_due_changed"),
                                        rs.getInt("labs_overdue")))
                .optional();
    }

    /** One waiting listing as the job needs it. */
    private record Row(
            UUID id,
            Organ organ,
            LocalDate dateOfBirth,
            LocalDate dialysisStart,
            Boolean diabetes,
            Boolean priorTransplant,
            Integer meldNa,
            Integer meld3,
            String eptsVersion,
            Integer eptsPercentile,
            String eptsTableVersion,
            Boolean eptsProvisional,
            Instant labsBasis,
            Instant labsDueAt,
            boolean labsReportedMissing) {}

    /** The rows of a chunk to write and what the chunk counted. */
    private record Chunk(
            List<Map<String, Object>> changes,
            int examined,
            int eptsChanged,
            int eptsSkipped,
            int labsDueChanged,
            int labsOverdue) {}

    private List<Row> chunkAfter(UUID after) {
        return jdbc.sql(
                        """
                        select r.id, r.organ, p.date_of_birth,
                            r.clinical ->> 'dialysisStartDate' as dialysis_start,
                            (r.clinical ->> 'diabetes')::boolean as diabetes,
                            (r.clinical ->> 'priorTransplant')::boolean as prior_transplant,
                            r.meld_na, r.meld_3, r.epts_version, r.epts_percentile,
                            r.epts_table_version, r.epts_provisional,
                            coalesce(l.labs_reported_at, r.listed_at) as labs_basis,
                            l.request_id is null as labs_reported_missing, l.labs_due_at
                        from transplant_request r
                            left join transplant_request_labs l on l.request_id = r.id
                            left join patient_profile p on p.account_id = r.patient_id
                        where r.status = 'WAITING'
                            and r.id > cast(:after as uuid)
                        order by r.id
                        limit :limit
                        """)
                .param("after", (after == null ? FIRST : after).toString())
                .param("limit", chunkSize)
                .query(NightlyRecompute::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String dialysis = rs.getString("dialysis_start");
        java.sql.Date dob = rs.getDate("date_of_birth");
        return new Row(
                rs.getObject("id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                dob == null ? null : dob.toLocalDate(),
                dialysis == null ? null : LocalDate.parse(dialysis),
                (Boolean) rs.getObject("diabetes"),
                (Boolean) rs.getObject("prior_transplant"),
                nullableInt(rs, "meld_na"),
                nullableInt(rs, "meld_3"),
                rs.getString("epts_version"),
                nullableInt(rs, "epts_percentile"),
                rs.getString("epts_table_version"),
                (Boolean) rs.getObject("epts_provisional"),
                Sql.instant(rs, "labs_basis"),
                Sql.instant(rs, "labs_due_at"),
                rs.getBoolean("labs_reported_missing"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private Chunk recompute(List<Row> rows, LocalDate today, Instant now) {
        List<Map<String, Object>> changes = new ArrayList<>();
        int eptsChanged = 0;
        int eptsSkipped = 0;
        int labsChanged = 0;
        int overdue = 0;
        for (Row r : rows) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("id", r.id().toString());
            EptsOutcome epts = epts(r, today);
            if (epts.skipped()) {
                eptsSkipped++;
            }
            EptsResult next = epts.result();
            boolean eptsMoved =
                    next != null
                            && (!Objects.equals(next.percentile().percentile(), r.eptsPercentile())
                                    || !next.formulaVersion().equals(r.eptsVersion())
                                    || !next.percentile()
                                            .tableVersion()
                                            .equals(r.eptsTableVersion())
                                    || !Objects.equals(
                                            next.percentile().provisional(), r.eptsProvisional()));
            change.put("epts", eptsMoved);
            if (eptsMoved) {
                // The raw value moves a little every day with age; it is rewritten together with
                // the percentile it maps to, so the two always agree and an unchanged percentile
                // costs no write.
                change.put("epts_raw", next.raw());
                change.put("epts_percentile", next.percentile().percentile());
                change.put("epts_version", next.formulaVersion());
                change.put("epts_table_version", next.percentile().tableVersion());
                change.put("epts_provisional", next.percentile().provisional());
                eptsChanged++;
            }
            Instant due = dueAt(r);
            boolean labsMoved =
                    due != null && (!due.equals(r.labsDueAt()) || r.labsReportedMissing());
            change.put("labs", labsMoved);
            change.put("labs_basis", r.labsBasis().toString());
            if (labsMoved) {
                change.put("labs_due_at", due.toString());
                labsChanged++;
            }
            if (due != null && !due.isAfter(now)) {
                overdue++;
            }
            if (eptsMoved || labsMoved) {
                changes.add(change);
            }
        }
        return new Chunk(changes, rows.size(), eptsChanged, eptsSkipped, labsChanged, overdue);
    }

    private record EptsOutcome(EptsResult result, boolean skipped) {}

    /**
     * Today's EPTS for a listing that had one at listing (adult kidney candidates); candidates
     * listed as children keep none, as at listing. Inputs today's formula refuses (older than its
     * range, decades on dialysis) leave the stored score as it was, counted as skipped.
     */
    private EptsOutcome epts(Row r, LocalDate today) {
        if (r.organ() != Organ.KIDNEY
                || r.eptsVersion() == null
                || r.dateOfBirth() == null
                || r.diabetes() == null
                || r.priorTransplant() == null) {
            return new EptsOutcome(null, false);
        }
        double age = ChronoUnit.DAYS.between(r.dateOfBirth(), today) / 365.25;
        if (age < EPTS_MINIMUM_AGE) {
            return new EptsOutcome(null, false);
        }
        Double yearsOnDialysis =
                r.dialysisStart() == null
                        ? null
                        : ChronoUnit.DAYS.between(r.dialysisStart(), today) / 365.25;
        try {
            EptsFactors factors =
                    new EptsFactors(age, r.diabetes(), r.priorTransplant(), yearsOnDialysis);
            return new EptsOutcome(Epts.compute(factors, eptsTable), false);
        } catch (InvalidClinicalValueException e) {
            return new EptsOutcome(null, true);
        }
    }

    private Instant dueAt(Row r) {
        Integer meld = LabRecertification.bandMeld(r.meldNa(), r.meld3());
        if (r.organ() == Organ.LIVER && meld == null) {
            return null; // the schema requires both scores for livers; nothing to go on
        }
        return schedule.dueAt(r.organ(), meld, r.labsBasis());
    }

    /** The chunk's writes, one statement (the waiting list's generation moves once), and counts. */
    private void write(Instant runFor, Instant now, Chunk chunk) {
        if (!chunk.changes().isEmpty()) {
            jdbc.sql(
                            """
                            update transplant_request t set
                                epts_raw = case when v.epts then v.epts_raw else t.epts_raw end,
                                epts_percentile = case when v.epts then v.epts_percentile
                                    else t.epts_percentile end,
                                epts_version = case when v.epts then v.epts_version
                                    else t.epts_version end,
                                epts_table_version = case when v.epts then v.epts_table_version
                                    else t.epts_table_version end,
                                epts_provisional = case when v.epts then v.epts_provisional
                                    else t.epts_provisional end
                            from jsonb_to_recordset(cast(:rows as jsonb)) as v(id uuid,
                                epts boolean, epts_raw double precision, epts_percentile smallint,
                                epts_version varchar, epts_table_version varchar,
                                epts_provisional boolean)
                            where t.id = v.id and t.status = 'WAITING' and v.epts
                            """)
                    .param("rows", JSON.writeValueAsString(chunk.changes()))
                    .update();
            // A listing without a labs row gets one (reported at listing); a due date moves only
            // if the labs were not reported again since they were read.
            jdbc.sql(
                            """
                            insert into transplant_request_labs as l (request_id,
                                labs_reported_at, labs_due_at)
                            select v.id, v.labs_basis, v.labs_due_at
                            from jsonb_to_recordset(cast(:rows as jsonb)) as v(id uuid,
                                labs boolean, labs_basis timestamptz, labs_due_at timestamptz)
                                join transplant_request t on t.id = v.id
                            where v.labs and t.status = 'WAITING'
                            on conflict (request_id) do update set
                                labs_due_at = excluded.labs_due_at
                                where l.labs_reported_at = excluded.labs_reported_at
                            """)
                    .param("rows", JSON.writeValueAsString(chunk.changes()))
                    .update();
        }
        jdbc.sql(
                        """
                        insert into nightly_recompute_run as n (scheduled_for, started_at,
                            examined, epts_changed, epts_skipped, labs_due_changed, labs_overdue)
                        values (:at, :now, :examined, :epts, :skipped, :labs, :overdue)
                        on conflict (scheduled_for) do update set
                            examined = n.examined + excluded.examined,
                            epts_changed = n.epts_changed + excluded.epts_changed,
                            epts_skipped = n.epts_skipped + excluded.epts_skipped,
                            labs_due_changed = n.labs_due_changed + excluded.labs_due_changed,
                            labs_overdue = n.labs_overdue + excluded.labs_overdue
                        """)
                .param("at", Sql.timestamp(runFor))
                .param("now", Sql.timestamp(now))
                .param("examined", chunk.examined())
                .param("epts", chunk.eptsChanged())
                .param("skipped", chunk.eptsSkipped())
                .param("labs", chunk.labsDueChanged())
                .param("overdue", chunk.labsOverdue())
                .update();
    }

    private void finish(Instant runFor) {
        Instant now = Sql.now(clock);
        jdbc.sql(
                        """
                        insert into nightly_recompute_run as n (scheduled_for, started_at,
                            finished_at)
                        values (:at, :now, :now)
                        on conflict (scheduled_for) do update set finished_at = excluded.finished_at
                        """)
                .param("at", Sql.timestamp(runFor))
                .param("now", Sql.timestamp(now))
                .update();
    }
}
