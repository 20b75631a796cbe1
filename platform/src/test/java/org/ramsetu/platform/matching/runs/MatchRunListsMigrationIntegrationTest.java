package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.testing.MigrationSteps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs written before V141 (lists as JSONB) read the same after it (lists as compressed JSON), and
 * the table is immutable again once the migration has rewritten them.
 */
class MatchRunListsMigrationIntegrationTest {

    @TempDir Path dir;

    @Test
    void aRunWrittenAsJsonbReadsTheSameAfterTheMigration() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir)) {
            var dataSource = MigrationSteps.dataSource(server);
            MigrationSteps.migrateTo(dataSource, "140");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // Only the lists are under test: the run's request and people are not needed here.
            jdbc.sql(
                            "alter table match_run drop constraint match_run_request_id_fkey,"
                                    + " drop constraint match_run_patient_id_fkey")
                    .update();
            UUID id = UUID.randomUUID();
            UUID pledge = UUID.randomUUID();
            jdbc.sql(
                            """
                            insert into match_run (id, request_id, patient_id, organ,
                                request_version, created_at, trigger, degraded, degraded_cause,
                                policy_version, formula_versions, settings, candidate_count,
                                excluded_count, candidates, excluded, duration_ms)
                            values (:id, :request, :patient, 'KIDNEY', 1, now(), 'COORDINATOR',
                                true, 'scoring down', 'ranking/ramsetu-1', '[]'::jsonb,
                                '{}'::jsonb, 0, 2, '[]'::jsonb, cast(:excluded as jsonb), 12)
                            """)
                    .param("id", id)
                    .param("request", UUID.randomUUID())
                    .param("patient", UUID.randomUUID())
                    .param(
                            "excluded",
                            "[{\"pledgeId\":\""
                                    + pledge
                                    + "\",\"reasons\":[{\"code\":\"ABO_INCOMPATIBLE\","
                                    + "\"detail\":\"donor A to recipient O\"}]},"
                                    + "{\"pledgeId\":\""
                                    + UUID.randomUUID()
                                    + "\",\"reasons\":[]}]")
                    .update();

            Migrations.configure(
                            Flyway.configure()
                                    .dataSource(dataSource)
                                    .locations(Migrations.LOCATIONS),
                            Migrations.DEFAULT_LOCK_TIMEOUT)
                    .load()
                    .migrate();

            // find() also maps the run's settings; the row above stores none, so read the lists.
            byte[] excluded =
                    jdbc.sql("select excluded from match_run where id = :id")
                            .param("id", id)
                            .query(byte[].class)
                            .single();
            assertThat(CompressedList.head(excluded, 10, RunExclusion.class))
                    .first()
                    .isEqualTo(
                            new RunExclusion(
                                    pledge,
                                    List.of(
                                            new RunExclusion.Reason(
                                                    "ABO_INCOMPATIBLE",
                                                    "donor A to recipient O"))));
            byte[] candidates =
                    jdbc.sql("select candidates from match_run where id = :id")
                            .param("id", id)
                            .query(byte[].class)
                            .single();
            assertThat(CompressedList.head(candidates, 10, RunCandidate.class)).isEmpty();
            assertThatThrownBy(
                            () ->
                                    jdbc.sql("update match_run set duration_ms = 1 where id = :id")
                                            .param("id", id)
                                            .update())
                    .hasMessageContaining("immutable");
        }
    }
}
