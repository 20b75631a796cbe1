package org.ramsetu.platform.rankingruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.rankingruns.Rescoring.Outcome;
import org.springframework.dao.DuplicateKeyException;

/** The re-scoring steps both run kinds share, against a side that records what it was asked. */
class RescoringTest {

    private static final UUID RUN = UUID.randomUUID();

    /** A computed ranking: its name, and why scoring failed when it did. */
    private record Computed(String name, String degradedCause) implements ComputedRun {
        @Override
        public boolean degraded() {
            return degradedCause != null;
        }
    }

    /** A run kind in memory: a run, its listing's states as read one after another, a recorder. */
    private static final class Side implements Rescoring.Side<UUID, Boolean, Computed> {
        boolean awaits = true;
        final Deque<Boolean> listingCounts = new ArrayDeque<>();
        Computed computed = new Computed("scored", null);
        RuntimeException recordFails;
        final List<String> recorded = new ArrayList<>();
        final List<UUID> skipped = new ArrayList<>();

        @Override
        public Optional<UUID> run(UUID id) {
            return id.equals(RUN) ? Optional.of(id) : Optional.empty();
        }

        @Override
        public boolean awaitsRescoring(UUID run) {
            return awaits;
        }

        @Override
        public Boolean listing(UUID run) {
            return listingCounts.size() > 1 ? listingCounts.poll() : listingCounts.peek();
        }

        @Override
        public boolean counts(Boolean listing) {
            return listing;
        }

        @Override
        public Computed calculate(UUID run, Boolean listing) {
            return computed;
        }

        @Override
        public void record(Computed computed, UUID degradedRunId) {
            if (recordFails != null) {
                throw recordFails;
            }
            recorded.add(computed.name() + " from " + degradedRunId);
        }

        @Override
        public void skipped(UUID run, Boolean listing) {
            skipped.add(run);
        }
    }

    private final Side side = new Side();
    private final Rescoring<UUID, Boolean, Computed> rescoring = new Rescoring<>("match run", side);

    @Test
    void aScoredRankingIsRecordedAsTheDegradedRunsSuccessor() {
        side.listingCounts.add(true);

        assertThat(rescoring.rescore(RUN)).isEqualTo(Outcome.WRITTEN);
        assertThat(side.recorded).containsExactly("scored from " + RUN);
        assertThat(side.skipped).isEmpty();
    }

    @Test
    void aRunWithASuccessorOrNotDegradedIsDoneAlready() {
        side.awaits = false;
        side.listingCounts.add(true);

        assertThat(rescoring.rescore(RUN)).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(side.recorded).isEmpty();
    }

    @Test
    void aListingThatNoLongerCountsIsSkippedAndAudited() {
        side.listingCounts.add(false);

        assertThat(rescoring.rescore(RUN)).isEqualTo(Outcome.SKIPPED);
        assertThat(side.skipped).containsExactly(RUN);
        assertThat(side.recorded).isEmpty();
    }

    @Test
    void scoringStillDownIsRetriedLaterAndRecordsNothing() {
        side.listingCounts.add(true);
        side.computed = new Computed("degraded", "scoring timed out");

        assertThatThrownBy(() -> rescoring.rescore(RUN))
                .isInstanceOf(Rescoring.StillUnavailable.class)
                .hasMessageContaining("scoring timed out");
        assertThat(side.recorded).isEmpty();
    }

    @Test
    void aConcurrentDeliveryThatWroteTheSuccessorFirstIsDoneAlready() {
        side.listingCounts.add(true);
        side.recordFails = new DuplicateKeyException("rescored_from");

        assertThat(rescoring.rescore(RUN)).isEqualTo(Outcome.ALREADY_DONE);
    }

    @Test
    void aListingThatStoppedCountingWhileRankingIsSkipped() {
        side.listingCounts.add(true);
        side.listingCounts.add(false);
        side.recordFails = new Conflict("listing-changed", "the request was matched meanwhile");

        assertThat(rescoring.rescore(RUN)).isEqualTo(Outcome.SKIPPED);
        assertThat(side.skipped).containsExactly(RUN);
    }

    @Test
    void aRefusalWhileTheListingStillCountsIsNotSwallowed() {
        side.listingCounts.add(true);
        side.recordFails = new Conflict("version-changed", "the request changed meanwhile");

        assertThatThrownBy(() -> rescoring.rescore(RUN)).isSameAs(side.recordFails);
        assertThat(side.skipped).isEmpty();
    }

    @Test
    void anUnknownRunIsAProgrammingError() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> rescoring.rescore(unknown))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no match run " + unknown + " to re-score");
    }
}
