package org.ramsetu.platform.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;

/**
 * The change log's answers on a real PostgreSQL, on the waiting lists' log (V232) written directly:
 * which keys a reader at one generation reads again to be current at a later one, or that it reads
 * everything again.
 */
class ChangeLogIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private static final int FULL_READ_ABOVE = 3;
    private static final long LOGGED_GENERATIONS = 10;

    private final ChangeLog<UUID> changes =
            new ChangeLog<>(
                    db.jdbc(),
                    "select generation from waiting_list_generation",
                    """
                    select distinct request_id from waiting_list_change
                    where generation > :since and generation <= :upTo
                    """,
                    "requests",
                    UUID.class,
                    LOGGED_GENERATIONS,
                    FULL_READ_ABOVE);

    @BeforeEach
    void anEmptyLogAtGenerationZero() {
        db.jdbc().sql("truncate waiting_list_change").update();
        db.jdbc().sql("update waiting_list_generation set generation = 0").update();
    }

    @Test
    void theKeysLoggedAfterTheReadersGenerationUpToTheCurrentOneEachOnce() {
        UUID before = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        UUID once = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        log(1, before);
        log(2, twice);
        log(3, twice);
        log(3, once);
        log(4, later); // past the generation the reader catches up to (upTo = 3)
        db.jdbc().sql("update waiting_list_generation set generation = 3").update();

        assertThat(changes.generation()).isEqualTo(3);
        ChangeLog.CatchUp<UUID> catchUp = changes.since(1, 3);
        assertThat(catchUp.inFull()).isFalse();
        assertThat(catchUp.changed()).containsExactlyInAnyOrder(twice, once);
    }

    @Test
    void aReaderAtTheCurrentGenerationHasNothingToRead() {
        log(5, UUID.randomUUID()); // logged at the reader's own generation: already read

        ChangeLog.CatchUp<UUID> catchUp = changes.since(5, 5);

        assertThat(catchUp.inFull()).isFalse();
        assertThat(catchUp.changed()).isEmpty();
    }

    @Test
    void moreChangedKeysThanTheLimitCallForAFullRead() {
        for (int i = 0; i < FULL_READ_ABOVE; i++) {
            log(2, UUID.randomUUID());
        }
        assertThat(changes.since(1, 2).changed()).hasSize(FULL_READ_ABOVE);

        log(2, UUID.randomUUID());
        ChangeLog.CatchUp<UUID> catchUp = changes.since(1, 2);
        assertThat(catchUp.inFull()).isTrue();
        assertThat(catchUp.fullReadBecause()).isEqualTo("4 requests changed");
        assertThat(catchUp.changed()).isEmpty();
    }

    @Test
    void aReaderFurtherBehindThanTheLogKeepsReadsEverythingAgain() {
        log(LOGGED_GENERATIONS + 1, UUID.randomUUID());

        assertThat(changes.since(1, LOGGED_GENERATIONS + 1).inFull())
                .as("exactly as far behind as the log keeps")
                .isFalse();
        ChangeLog.CatchUp<UUID> catchUp = changes.since(0, LOGGED_GENERATIONS + 1);
        assertThat(catchUp.inFull()).isTrue();
        assertThat(catchUp.fullReadBecause()).contains("far behind");
    }

    private static void log(long generation, UUID key) {
        db.jdbc()
                .sql("insert into waiting_list_change (generation, request_id) values (:g, :k)")
                .param("g", generation)
                .param("k", key)
                .update();
    }
}
