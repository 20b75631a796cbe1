package org.ramsetu.infra.queue.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Re-delivers outbox records whose relay failed or whose process died before relaying. Every
 * database target runs it; duplicates are harmless because enqueueing is idempotent.
 */
public class OutboxResubmitter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public OutboxResubmitter(
            IncompleteEventPublications incomplete, Duration olderThan, Duration interval) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "outbox-resubmitter");
                            t.setDaemon(true);
                            return t;
                        });
        scheduler.scheduleWithFixedDelay(
                this::resubmit, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    public void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            LOG.warn("Outbox resubmission failed, will try again: {}", e.getMessage());
        }
    }
}
