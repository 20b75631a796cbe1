package org.ramsetu.infra.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ramsetu.infra.queue.EffectLedger;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@link WorkContext} of one attempt of one execution. */
final class RunningWork implements WorkContext {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final String workName;
    private final String instanceId;
    private final String executionKey;
    private final Instant scheduledFor;
    private final WorkRuns runs;
    private final EffectLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BooleanSupplier stopping;
    private final TransactionTemplate separately;
    private Instant lastProgress = Instant.MIN;

    RunningWork(
            String workName,
            String instanceId,
            String executionKey,
            Instant scheduledFor,
            WorkRuns runs,
            EffectLedger ledger,
            TransactionTemplate tx,
            Clock clock,
            BooleanSupplier stopping) {
        this.workName = workName;
        this.instanceId = instanceId;
        this.executionKey = executionKey;
        this.scheduledFor = scheduledFor;
        this.runs = runs;
        this.ledger = ledger;
        this.tx = tx;
        this.separately = new TransactionTemplate(tx.getTransactionManager());
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.stopping = stopping;
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
        Instant now = clock.instant();
        boolean finished = total > 0 && done >= total;
        if (!finished && now.isBefore(lastProgress.plus(PROGRESS_EVERY))) {
            return;
        }
        lastProgress = now;
        // Its own transaction: progress is reported from inside a body's work, which may be a
        // read-only transaction (an export's cursor) or one that rolls back later.
        separately.executeWithoutResult(
                s -> runs.progress(workName, executionKey, done, total, message, now));
    }

    @Override
    public Optional<String> checkpoint() {
        return runs.checkpoint(workName, executionKey);
    }

    @Override
    public <R> Optional<R> effectOnce(String key, String checkpointAfter, Supplier<R> effect) {
        String ledgerKey = WorkRuns.ledgerKey(workName, executionKey, key);
        return tx.execute(
                status -> {
                    if (!ledger.firstTime(ledgerKey)) {
                        return Optional.<R>empty();
                    }
                    R result = effect.get();
                    if (checkpointAfter != null) {
                        runs.saveCheckpoint(
                                workName, executionKey, checkpointAfter, clock.instant());
                    }
                    return Optional.of(result);
                });
    }

    @Override
    public boolean stopping() {
        return stopping.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
