package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.testing.MigrationSteps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V214 turns compact run lists on where the flag is as V213 seeded it, and leaves alone a flag an
 * operator has set (ADR 0035): upgrading must not undo a decision taken on purpose.
 */
class CompactRunListsFlagMigrationIntegrationTest {

    private static final String KEY = "matching.compact-run-lists";

    @TempDir Path dir;

    @Test
    void aFlagAsSeededTurnsOnAndTheChangeEntersItsHistory() {
        migratedAcrossV214(
                dir.resolve("seeded"),
                jdbc -> {},
                jdbc -> {
                    assertThat(flag(jdbc))
                            .containsEntry("default_variant", "on")
                            .containsEntry("version", 2L)
                            .containsEntry("updated_by", "migration");
                    List<Map<String, Object>> history =
                            jdbc.sql(
                                            "select changed_by, before ->> 'defaultVariant' as"
                                                    + " before, after ->> 'defaultVariant' as after,"
                                                    + " (after ->> 'version')::int as version from"
                                                    + " feature_flag_change where key = :key")
                                    .param("key", KEY)
                                    .query()
                                    .listOfRows();
                    assertThat(history)
                            .containsExactly(
                                    Map.of(
                                            "changed_by", "migration",
                                            "before", "off",
                                            "after", "on",
                                            "version", 2));
                });
    }

    @Test
    void aFlagAnOperatorSetKeepsTheirChoice() {
        migratedAcrossV214(
                dir.resolve("operated"),
                jdbc ->
                        jdbc.sql(
                                        "update feature_flag set version = version + 1,"
                                                + " updated_by = 'coordinator:asha' where key ="
                                                + " :key")
                                .param("key", KEY)
                                .update(),
                jdbc -> {
                    assertThat(flag(jdbc))
                            .containsEntry("default_variant", "off")
                            .containsEntry("version", 2L)
                            .containsEntry("updated_by", "coordinator:asha");
                    assertThat(
                                    jdbc.sql(
                                                    "select count(*) from feature_flag_change"
                                                            + " where key = :key")
                                            .param("key", KEY)
                                            .query(Integer.class)
                                            .single())
                            .isZero();
                });
    }

    private static void migratedAcrossV214(
            Path data, Consumer<JdbcClient> before, Consumer<JdbcClient> after) {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            DataSource dataSource = MigrationSteps.dataSource(server);
            MigrationSteps.migrateTo(dataSource, "213");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(flag(jdbc)).containsEntry("default_variant", "off");
            before.accept(jdbc);
            MigrationSteps.migrateTo(dataSource, "214");
            after.accept(jdbc);
        }
    }

    private static Map<String, Object> flag(JdbcClient jdbc) {
        return jdbc.sql(
                        "select default_variant, version, updated_by from feature_flag where key ="
                                + " :key")
                .param("key", KEY)
                .query()
                .singleRow();
    }
}
