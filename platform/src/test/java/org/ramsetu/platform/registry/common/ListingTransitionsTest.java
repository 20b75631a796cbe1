package org.ramsetu.platform.registry.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.records.ExpectedVersion;
import org.springframework.dao.OptimisticLockingFailureException;

/** The status change pledges and transplant requests share, on a listing of its own. */
class ListingTransitionsTest {

    enum Status {
        OPEN,
        CLOSED
    }

    enum Action {
        CLOSE
    }

    private static final TransitionTable<Status, Action> LIFE_CYCLE =
            TransitionTable.of("listing", Status.class, Action.class)
                    .allow(Status.OPEN, Action.CLOSE, Status.CLOSED);

    record Listing(UUID id, Status status, long version) implements ListingRecord<Status> {
        @Override
        public String statusReason() {
            return null;
        }

        @Override
        public Instant statusChangedAt() {
            return Instant.EPOCH;
        }

        @Override
        public UUID statusChangedBy() {
            return null;
        }

        Listing movedTo(Status next) {
            return new Listing(id, next, version + 1);
        }
    }

    private final Listing open = new Listing(UUID.randomUUID(), Status.OPEN, 3);
    private final List<Listing> written = new ArrayList<>();

    private Listing close(Listing current, ExpectedVersion expected, boolean stored) {
        return ListingTransitions.apply(
                current,
                expected,
                LIFE_CYCLE::next,
                Action.CLOSE,
                current::movedTo,
                changed -> {
                    written.add(changed);
                    return stored;
                });
    }

    @Test
    void anAllowedActionWritesTheListingOneVersionOn() {
        Listing closed = close(open, ExpectedVersion.of("\"3\"", null), true);

        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.version()).isEqualTo(4);
        assertThat(written).containsExactly(closed);
    }

    @Test
    void aVersionReadEarlierIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> close(open, ExpectedVersion.of("\"2\"", null), true))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(written).isEmpty();
    }

    @Test
    void anActionTheLifeCycleRefusesIsAConflictAndWritesNothing() {
        Listing closed = new Listing(open.id(), Status.CLOSED, 4);

        assertThatThrownBy(() -> close(closed, ExpectedVersion.any(), true))
                .isInstanceOf(Conflict.class);
        assertThat(written).isEmpty();
    }

    @Test
    void aConcurrentChangeThatWonTheWriteIsStale() {
        assertThatThrownBy(() -> close(open, ExpectedVersion.any(), false))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(written).hasSize(1);
    }
}
