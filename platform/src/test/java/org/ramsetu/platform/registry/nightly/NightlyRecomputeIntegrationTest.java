package org.ramsetu.platform.registry.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.scores.Epts;
import org.ramsetu.core.scores.EptsFactors;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.LabRecertification;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.infra.testing.TestDatabase;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly recomputation on a real PostgreSQL with every migration, one database per test (the
 * job walks the whole waiting list, so tests must not see each other's rows).
 */
class NightlyRecomputeIntegrationTest {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final PercentileTable EPTS_TABLE = PercentileTable.eptsBundled();

    private TestDatabase database;
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private MutableClock clock;

    @BeforeEach
    void startDatabase() throws Exception {
        database = TestDatabase.startInTemporaryFolder("ramsetu-nightly-db");
        jdbc = database.jdbc();
        tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        clock = new MutableClock(Instant.parse("2026-03-09T21:00:05Z"));
    }

    @AfterEach
    void stopDatabase() {
        database.close();
    }

    @Test
    void eptsFollowsTheCandidatesAgeAndUnchangedRowsAreNotWritten() {
        LocalDate born = LocalDate.of(1960, 3, 10);
        Instant listed = Instant.parse("2020-03-01T05:00:00Z");
        UUID request = kidney(born, listed, null, false);
        EptsResult atListing = eptsOn(born, LocalDate.of(2020, 3, 1), null, false);

        // 02:30 in India on the 66th birthday
        Instant night = Instant.parse("2026-03-09T21:00:00Z");
        run(recompute(2, LabRecertification.STANDARD), night, new DirectWorkContext.Ledger());

        EptsResult expected = eptsOn(born, LocalDate.of(2026, 3, 10), null, false);
        Map<String, Object> row = row(request);
        assertThat(expected.percentile().percentile())
                .isGreaterThan(atListing.percentile().percentile());
        assertThat(percentile(request)).isEqualTo(expected.percentile().percentile());
        assertThat((Double) row.get("epts_raw")).isCloseTo(expected.raw(), within());
        assertThat(row.get("epts_version")).isEqualTo(Epts.VERSION);
        assertThat(row.get("epts_table_version")).isEqualTo(EPTS_TABLE.version());
        // derived columns do not move the version coordinators' decisions are checked against
        assertThat(row.get("version")).isEqualTo(0L);

        // The next night the percentile is the same: the row is not written at all.
        String xmin = xmin(request);
        long generation = generation();
        clock.advance(Duration.ofDays(1));
        NightlyRecompute.Summary next =
                run(
                        recompute(2, LabRecertification.STANDARD),
                        night.plus(Duration.ofDays(1)),
                        new DirectWorkContext.Ledger());
        assertThat(eptsOn(born, LocalDate.of(2026, 3, 11), null, false).percentile())
                .isEqualTo(expected.percentile());
        assertThat(xmin(request)).isEqualTo(xmin);
        assertThat(generation()).isEqualTo(generation);
        assertThat(next.examined()).isEqualTo(1);
        assertThat(next.eptsChanged()).isZero();
        assertThat(next.labsDueChanged()).isZero();
        assertThat(next.finishedAt()).isNotNull();
    }

    @Test
    void eptsAlsoCountsTheGrowingTimeOnDialysis() {
        LocalDate born = LocalDate.of(1985, 7, 1);
        LocalDate dialysis = LocalDate.of(2019, 1, 15);
        UUID request = kidney(born, Instant.parse("2020-01-10T05:00:00Z"), dialysis, true);

        run(
                recompute(10, LabRecertification.STANDARD),
                Instant.parse("2026-03-09T21:00:00Z"),
                new DirectWorkContext.Ledger());

        EptsResult expected = eptsOn(born, LocalDate.of(2026, 3, 10), dialysis, true);
        assertThat(percentile(request)).isEqualTo(expected.percentile().percentile());
        assertThat((Double) row(request).get("epts_raw")).isCloseTo(expected.raw(), within());
    }

    @Test
    void labsAreDueByTheMeldBandForLiversAndByTheSettingForOtherOrgans() {
        Instant listed = Instant.parse("2026-03-01T06:00:00Z");
        // as the previous release inserts: neither a report time nor a due date
        UUID meld30 = liver(listed, 30, 28, null);
        UUID meld24 = liver(listed, 22, 24, null);
        UUID meld18 = liver(listed, 18, 11, null);
        UUID meld10 = liver(listed, 8, 10, null);
        // the higher of the two scores sets the band
        UUID meld3At25 = liver(listed, 10, 25, null);
        Instant reportedLater = Instant.parse("2026-03-05T08:00:00Z");
        UUID reported = liver(listed, 20, 19, reportedLater);
        UUID heart = heart(listed);

        NightlyRecompute.Summary summary =
                run(
                        recompute(3, new LabRecertification(Duration.ofDays(180))),
                        Instant.parse("2026-03-09T21:00:00Z"),
                        new DirectWorkContext.Ledger());

        assertThat(dueAt(meld30)).isEqualTo(listed.plus(Duration.ofDays(7)));
        assertThat(dueAt(meld24)).isEqualTo(listed.plus(Duration.ofDays(30)));
        assertThat(dueAt(meld18)).isEqualTo(listed.plus(Duration.ofDays(90)));
        assertThat(dueAt(meld10)).isEqualTo(listed.plus(Duration.ofDays(365)));
        assertThat(dueAt(meld3At25)).isEqualTo(listed.plus(Duration.ofDays(7)));
        assertThat(dueAt(reported)).isEqualTo(reportedLater.plus(Duration.ofDays(30)));
        assertThat(dueAt(heart)).isEqualTo(listed.plus(Duration.ofDays(180)));
        assertThat(row(meld30).get("labs_reported_at")).isEqualTo(Timestamp.from(listed));
        assertThat(summary.examined()).isEqualTo(7);
        assertThat(summary.labsDueChanged()).isEqualTo(7);
        // the two MELD ≥ 25 listings were due on 8 March, before the run
        assertThat(summary.labsOverdue()).isEqualTo(2);
    }

    @Test
    void aRunKilledMidwayResumesAfterItsCheckpointWithoutDoingAChunkTwice() {
        LocalDate born = LocalDate.of(1958, 5, 20);
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            requests.add(kidney(born, Instant.parse("2019-05-01T05:00:00Z"), null, false));
        }
        Instant night = Instant.parse("2026-03-09T21:00:00Z");
        DirectWorkContext.Ledger ledger = new DirectWorkContext.Ledger();
        NightlyRecompute job = recompute(2, LabRecertification.STANDARD);
        long generationBefore = generation();

        assertThatThrownBy(
                        () ->
                                job.run(
                                        new DirectWorkContext(
                                                        NightlyRecompute.NAME,
                                                        "recurring",
                                                        night,
                                                        tx,
                                                        ledger)
                                                .crashAfter(2)))
                .isInstanceOf(DirectWorkContext.Killed.class);
        assertThat(job.summary(night).orElseThrow().examined()).isEqualTo(4);
        assertThat(ledger.checkpoint()).isPresent();

        DirectWorkContext second =
                new DirectWorkContext(NightlyRecompute.NAME, "recurring", night, tx, ledger);
        job.run(second);

        NightlyRecompute.Summary summary = job.summary(night).orElseThrow();
        assertThat(summary.examined()).isEqualTo(7);
        assertThat(summary.eptsChanged()).isEqualTo(7);
        assertThat(summary.finishedAt()).isNotNull();
        assertThat(second.lastDone()).isEqualTo(7);
        assertThat(ledger.ran()).hasSize(5).doesNotHaveDuplicates().endsWith("finish");
        // one update statement per chunk with changes: the waiting lists' generation moved 4 times
        assertThat(generation() - generationBefore).isEqualTo(4);
        // an attempt after the last effect (killed before success was recorded) does nothing
        job.run(new DirectWorkContext(NightlyRecompute.NAME, "recurring", night, tx, ledger));
        assertThat(job.summary(night).orElseThrow()).isEqualTo(summary);
        assertThat(ledger.ran()).hasSize(5);
        int expected =
                eptsOn(born, LocalDate.of(2026, 3, 10), null, false).percentile().percentile();
        for (UUID id : requests) {
            assertThat(percentile(id)).isEqualTo(expected);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private NightlyRecompute recompute(int chunkSize, LabRecertification schedule) {
        return new NightlyRecompute(jdbc, EPTS_TABLE, schedule, INDIA, chunkSize, clock);
    }

    private NightlyRecompute.Summary run(
            NightlyRecompute job, Instant night, DirectWorkContext.Ledger ledger) {
        job.run(new DirectWorkContext(NightlyRecompute.NAME, "recurring", night, tx, ledger));
        return job.summary(night).orElseThrow();
    }

    private static EptsResult eptsOn(
            LocalDate born, LocalDate day, LocalDate dialysis, boolean diabetes) {
        double age = ChronoUnit.DAYS.between(born, day) / 365.25;
        Double years = dialysis == null ? null : ChronoUnit.DAYS.between(dialysis, day) / 365.25;
        return Epts.compute(new EptsFactors(age, diabetes, false, years), EPTS_TABLE);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private UUID patient(LocalDate born) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2019-01-01T00:00:00Z"));
        jdbc.sql(
                        """
                        insert into account (id, email, email_key, role, full_name, password_hash,
                            created_at, password_changed_at)
                        values (:id, :email, :email, 'PATIENT', 'Test', 'not a hash', :now, :now)
                        """)
                .param("id", id)
                .param("email", id + "@example.org")
                .param("now", now)
                .update();
        TestProfiles.patient(id).born(born).createdAt(now.toInstant()).insert(jdbc);
        return id;
    }

    private UUID kidney(LocalDate born, Instant listed, LocalDate dialysis, boolean diabetes) {
        UUID patient = patient(born);
        LocalDate listedOn = LocalDate.ofInstant(listed, java.time.ZoneOffset.UTC);
        EptsResult epts = eptsOn(born, listedOn, dialysis, diabetes);
        String clinical =
                "{"
                        + (dialysis == null ? "" : "\"dialysisStartDate\":\"" + dialysis + "\",")
                        + "\"diabetes\":"
                        + diabetes
                        + ",\"priorTransplant\":false}";
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, epts_raw, epts_percentile, epts_version, epts_table_version,
                            epts_provisional, listed_at, status_changed_at)
                        values (:id, :patient, 'KIDNEY', 'WAITING', 3, cast(:clinical as jsonb),
                            :raw, :percentile, :version, :table, :provisional, :listed, :listed)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("clinical", clinical)
                .param("raw", epts.raw())
                .param("percentile", epts.percentile().percentile())
                .param("version", epts.formulaVersion())
                .param("table", epts.percentile().tableVersion())
                .param("provisional", epts.percentile().provisional())
                .param("listed", Timestamp.from(listed))
                .update();
        jdbc.sql(
                        "insert into transplant_request_labs (request_id, labs_reported_at)"
                                + " values (:id, :listed)")
                .param("id", id)
                .param("listed", Timestamp.from(listed))
                .update();
        return id;
    }

    private UUID liver(Instant listed, int meldNa, int meld3, Instant reported) {
        UUID patient = patient(LocalDate.of(1970, 1, 1));
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, meld_na, meld_na_version, meld_3, meld_3_version, listed_at,
                            status_changed_at)
                        values (:id, :patient, 'LIVER', 'WAITING', 3, '{}'::jsonb, :meldNa,
                            'MELD-Na/OPTN-2016', :meld3, 'MELD-3.0/Kim-2021', :listed, :listed)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("meldNa", meldNa)
                .param("meld3", meld3)
                .param("listed", Timestamp.from(listed))
                .update();
        if (reported != null) {
            // Labs reported after listing; without a row the listing time counts (as for a
            // listing made by the release before the labs table).
            jdbc.sql(
                            "insert into transplant_request_labs (request_id, labs_reported_at)"
                                    + " values (:id, :reported)")
                    .param("id", id)
                    .param("reported", Timestamp.from(reported))
                    .update();
        }
        return id;
    }

    private UUID heart(Instant listed) {
        UUID patient = patient(LocalDate.of(1975, 1, 1));
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, heart_status, heart_status_version, listed_at,
                            status_changed_at)
                        values (:id, :patient, 'HEART', 'WAITING', 3, '{"status":2}'::jsonb, 2,
                            'HeartStatus/OPTN-2018', :listed, :listed)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("listed", Timestamp.from(listed))
                .update();
        return id;
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql(
                        "select r.*, l.labs_reported_at, l.labs_due_at from transplant_request r"
                                + " left join transplant_request_labs l on l.request_id = r.id"
                                + " where r.id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private int percentile(UUID id) {
        return ((Number) row(id).get("epts_percentile")).intValue();
    }

    private Instant dueAt(UUID id) {
        return ((Timestamp) row(id).get("labs_due_at")).toInstant();
    }

    private String xmin(UUID id) {
        return jdbc.sql("select xmin::text from transplant_request where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long generation() {
        return jdbc.sql("select generation from waiting_list_generation")
                .query(Long.class)
                .single();
    }
}
