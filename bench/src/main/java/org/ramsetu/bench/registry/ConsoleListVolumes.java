package org.ramsetu.bench.registry;

import java.nio.file.Path;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Grows a data folder loaded by {@code ramsetu demo} with what months of console work leave behind,
 * so that the console's other lists can be timed at registry scale by {@link ListQueryPlans}: one
 * uploaded report per pledge (one in twenty still waiting for review), one match run with five
 * proposals per transplant request (open for the waiting ones, declined for the rest), fifty offers
 * to the demo's centres for each of its past offerings (declined, the last two awaiting an answer),
 * and a million audit events. The demo writes none of these, because no one has worked yet (its
 * offer histories find no candidate at a centre when the people were loaded before the first
 * coordinator existed).
 *
 * <p>Rows only, shaped like the application's and written in SQL, one statement per table: the
 * documents' bytes are not stored (the queue reads metadata), the runs hold empty lists (the lists
 * read the match table). Each kind is added once per folder: a second run adds only what an
 * interrupted one left out.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.ramsetu.bench.registry.ConsoleListVolumes ./data
 * </pre>
 */
public final class ConsoleListVolumes {

    private static final int AUDIT_EVENTS = 1_000_000;

    private ConsoleListVolumes() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "./data");
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dataDir)) {
            JdbcClient jdbc =
                    JdbcClient.create(
                            new DriverManagerDataSource(
                                    db.jdbcUrl(), db.username(), db.password()));
            timed(
                    "documents",
                    jdbc,
                    "select count(*) from document where blob_key like 'bench/%'",
                    () -> documents(jdbc));
            timed(
                    "match runs",
                    jdbc,
                    "select count(*) from match_run where policy_version = 'bench'",
                    () -> matchRuns(jdbc));
            timed(
                    "matches",
                    jdbc,
                    "select count(*) from match m join match_run r on r.id = m.run_id where r.policy_version = 'bench'",
                    () -> matches(jdbc));
            timed(
                    "offers",
                    jdbc,
                    "select count(*) from organ_offer where note = 'bench'",
                    () -> offers(jdbc));
            timed(
                    "audit events",
                    jdbc,
                    "select count(*) from audit_event where target_type = 'bench pledge'",
                    () -> auditEvents(jdbc));
            jdbc.sql("analyze").update();
        }
    }

    private static void timed(
            String what, JdbcClient jdbc, String present, java.util.function.IntSupplier insert) {
        long already = jdbc.sql(present).query(Long.class).single();
        if (already > 0) {
            System.out.printf("%s: %,d already there%n", what, already);
            return;
        }
        long start = System.nanoTime();
        int rows = insert.getAsInt();
        // The next step reads these rows: planned on the statistics of before (none), the
        // matches' insert joined the 25,000 new runs as if they were a handful, for many minutes.
        jdbc.sql("analyze").update();
        System.out.printf(
                "%s: %,d rows in %.1f s%n", what, rows, (System.nanoTime() - start) / 1e9);
    }

    /** A report per pledge, uploaded an hour after it; one in twenty awaits review. */
    private static int documents(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        insert into document (id, owner_id, type, pledge_id, file_name,
                            content_type, size_bytes, sha256, blob_key, status, reviewed_at,
                            created_at)
                        select gen_random_uuid(), p.donor_id, 'MEDICAL_REPORT', p.id,
                            lower(p.organ) || '-report.pdf', 'application/pdf', 120000,
                            encode(sha256(convert_to(p.id::text, 'UTF8')), 'hex'),
                            'bench/' || p.id || '/' || gen_random_uuid(),
                            case when abs(hashtext(p.id::text)) % 20 = 0 then 'PENDING'
                                else 'VERIFIED' end,
                            case when abs(hashtext(p.id::text)) % 20 = 0 then null
                                else p.created_at + interval '2 days' end,
                            p.created_at + interval '1 hour'
                        from pledge p
                        """)
                .update();
    }

    /** One run per request, a day after it was listed. */
    private static int matchRuns(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        insert into match_run (id, request_id, patient_id, organ,
                            request_version, created_at, trigger, degraded, degraded_cause,
                            policy_version, formula_versions, settings, candidate_count,
                            excluded_count, candidates, excluded, duration_ms)
                        select gen_random_uuid(), r.id, r.patient_id, r.organ, r.version,
                            r.listed_at + interval '1 day', 'COORDINATOR', true,
                            'bench: rows for list timings', 'bench', '{}', '{}', 5, 0, '[]',
                            '[]', 0
                        from transplant_request r
                        """)
                .update();
    }

    /**
     * Five proposals per run, five consecutive pledges of the organ from a place fixed by the run:
     * open for a waiting request, declined otherwise.
     */
    private static int matches(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        with numbered as (
                            select id, donor_id, organ, version,
                                row_number() over (partition by organ order by id) as n
                            from pledge),
                        counts as (select organ, count(*) as of_organ from pledge group by organ)
                        insert into match (id, run_id, request_id, pledge_id, patient_id,
                            donor_id, organ, rank, score, ml_score, distance_km, pledge_version,
                            request_version, status, decline_reason, created_at, decided_at)
                        select gen_random_uuid(), run.id, run.request_id, p.id, run.patient_id,
                            p.donor_id, run.organ, k.rank, 0.9 - k.rank * 0.05, null,
                            50 + k.rank * 40, p.version, run.request_version,
                            case when r.status = 'WAITING' then 'PROPOSED' else 'DECLINED' end,
                            case when r.status = 'WAITING' then null else 'LOGISTICS' end,
                            run.created_at,
                            case when r.status = 'WAITING' then null
                                else run.created_at + interval '1 hour' end
                        from match_run run
                        join transplant_request r on r.id = run.request_id
                        cross join generate_series(1, 5) k(rank)
                        join counts c on c.organ = run.organ
                        -- an equality on (organ, n) with the run's side computed: a hash join
                        join numbered p on p.organ = run.organ
                            and p.n = (abs(hashtext(run.id::text)) + k.rank) % c.of_organ + 1
                        where run.policy_version = 'bench'
                        """)
                .update();
    }

    /**
     * Fifty offers per past offering, twenty minutes apart, each to a waiting request of the organ
     * at one of the centres; declined for logistics, the last two still open for an hour.
     */
    private static int offers(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        with waiting as (
                            select id, organ,
                                row_number() over (partition by organ order by id) as n
                            from transplant_request where status = 'WAITING'),
                        counts as (
                            select organ, count(*) as of_organ from transplant_request
                            where status = 'WAITING' group by organ),
                        centres as (select id, row_number() over (order by id) as n
                            from transplant_centre)
                        insert into organ_offer (id, sequence_id, request_id, centre_id, rank,
                            status, offered_at, respond_by, answered_at, decline_reason, note)
                        select gen_random_uuid(), s.id, w.id, ct.id, k.rank,
                            case when k.rank > 48 then 'OFFERED' else 'DECLINED' end,
                            s.started_at + make_interval(mins => k.rank * 20),
                            case when k.rank > 48 then now() + interval '1 hour'
                                else s.started_at + make_interval(mins => k.rank * 20 + 60) end,
                            case when k.rank > 48 then null
                                else s.started_at + make_interval(mins => k.rank * 20 + 30) end,
                            case when k.rank > 48 then null else 'LOGISTICS' end,
                            'bench'
                        from offer_sequence s
                        cross join generate_series(1, 50) k(rank)
                        join counts c on c.organ = s.organ
                        join waiting w on w.organ = s.organ
                            and w.n = (abs(hashtext(s.id::text)) + k.rank) % c.of_organ + 1
                        join centres ct on ct.n = abs(hashtext(s.id::text || k.rank))
                            % (select count(*) from transplant_centre) + 1
                        -- a request the demo's own history already offered keeps that offer
                        on conflict (sequence_id, request_id) do nothing
                        """)
                .update();
    }

    /** A million events over the last year, of the kinds a console writes most. */
    private static int auditEvents(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        insert into audit_event (occurred_at, action, outcome, target_type,
                            target_id, detail)
                        select now() - make_interval(secs => (:events - g) * 30),
                            (array['MEDICAL_RECORD_READ', 'DIRECTORY_READ', 'PLEDGE_VERIFIED',
                                'DOCUMENT_VERIFIED', 'MATCH_DECLINED', 'OFFER_ANSWERED',
                                'LOGIN_SUCCEEDED', 'PROFILE_SAVED'])[1 + g % 8],
                            'SUCCESS', 'bench pledge', md5(g::text)::uuid::text, '{}'
                        from generate_series(1, :events) g
                        """)
                .param("events", AUDIT_EVENTS)
                .update();
    }
}
