package org.ramsetu.infra.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ramsetu.infra.schedule.WorkContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link WorkContext} for calling a scheduled body directly, keeping the scheduler's promises:
 * each effect runs in its own real transaction together with its ledger entry and checkpoint (an
 * effect that fails leaves neither), and the {@link Ledger} of done keys and the checkpoint is
 * shared by every attempt of one execution, as the scheduler's state table is. A test can make an
 * attempt die like a killed worker ({@link #crashAfter}), fail inside an effect's transaction
 * ({@link #failInside}) or be asked to stop ({@link #stopAfter}); progress reports are recorded.
 */
public final class DirectWorkContext implements WorkContext {

    /** One progress report of the body. */
    public record Progress(long done, long total, String message) {}

    /** What the scheduler keeps per execution across attempts. */
    public static final class Ledger {
        private final Set<String> done = new HashSet<>();
        private final List<String> ran = new ArrayList<>();
        private String checkpoint;

        /** Every effect key that ran, in order, across all attempts. */
        public List<String> ran() {
            return List.copyOf(ran);
        }

        public Optional<String> checkpoint() {
            return Optional.ofNullable(checkpoint);
        }
    }

    /** Thrown where a killed worker would have stopped. */
    public static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("worker killed by the test");
        }
    }

    private final String workName;
    private final String instanceId;
    private final Instant scheduledFor;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final List<Progress> progress = new ArrayList<>();
    private int effectsLeft = Integer.MAX_VALUE;
    private int failingAttempt = -1;
    private int stopAfterEffects = Integer.MAX_VALUE;
    private int attempts;
    private int effects;

    public DirectWorkContext(
            String workName,
            String instanceId,
            Instant scheduledFor,
            TransactionTemplate tx,
            Ledger ledger) {
        this.workName = workName;
        this.instanceId = instanceId;
        this.scheduledFor = scheduledFor;
        this.tx = tx;
        this.ledger = ledger;
    }

    /** Recurring work's execution at {@code scheduledFor}, with a ledger of its own. */
    public static DirectWorkContext recurring(
            String workName, Instant scheduledFor, TransactionTemplate tx) {
        return new DirectWorkContext(workName, "recurring", scheduledFor, tx, new Ledger());
    }

    /** The attempt dies (throws {@link Killed}) before its {@code effects}+1-th effect. */
    public DirectWorkContext crashAfter(int effects) {
        this.effectsLeft = effects;
        return this;
    }

    /**
     * The {@code attempt}-th effect transaction of this context (counting failed ones) throws after
     * the effect ran, so it is rolled back; -1 for none.
     */
    public DirectWorkContext failInside(int attempt) {
        this.failingAttempt = attempt;
        return this;
    }

    /** {@link #stopping()} answers true once this many effects have run in this context. */
    public DirectWorkContext stopAfter(int effects) {
        this.stopAfterEffects = effects;
        return this;
    }

    public Ledger ledger() {
        return ledger;
    }

    public List<Progress> progress() {
        return List.copyOf(progress);
    }

    public long lastDone() {
        return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).done();
    }

    public long lastTotal() {
        return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).total();
    }

    /** Effects committed through this context. */
    public int effects() {
        return effects;
    }

    @Override
    public String workName() {
        return workName;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Instant scheduledFor() {
        return scheduledFor;
    }

    @Override
    public void progress(long done, long total, String message) {
        progress.add(new Progress(done, total, message));
    }

    @Override
    public Optional<String> checkpoint() {
        return ledger.checkpoint();
    }

    @Override
    public <R> Optional<R> effectOnce(String key, String checkpointAfter, Supplier<R> effect) {
        if (ledger.done.contains(key)) {
            return Optional.empty();
        }
        if (effectsLeft-- <= 0) {
            throw new Killed();
        }
        R result =
                tx.execute(
                        status -> {
                            R value = effect.get();
                            if (++attempts == failingAttempt) {
                                throw new IllegalStateException("simulated failure in the effect");
                            }
                            return value;
                        });
        ledger.done.add(key);
        ledger.ran.add(key);
        ledger.checkpoint = checkpointAfter;
        effects++;
        return Optional.ofNullable(result);
    }

    @Override
    public boolean stopping() {
        return effects >= stopAfterEffects;
    }
}
