package org.ramsetu.infra.queue.worker;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobTracing;
import org.ramsetu.infra.queue.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the consumers of every registered job type: per type, {@link JobHandler#concurrency()}
 * threads (a bulkhead: one slow type cannot starve the others). On stop it leases nothing new, lets
 * jobs in flight finish within the drain time, then interrupts the rest and releases their jobs for
 * immediate redelivery elsewhere.
 */
public class JobWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final List<JobHandler> handlers;
    private final String workerId;
    private final JobOutcomes outcomes;
    private final Duration drainTimeout;
    private final Duration maxIdleWait;
    private final JobTracing tracing;
    private final Set<Lease> inFlight = ConcurrentHashMap.newKeySet();
    private final List<ExecutorService> pools = new ArrayList<>();
    private volatile boolean running;

    public JobWorker(
            JobQueue queue,
            List<JobHandler> handlers,
            String workerId,
            JobOutcomes outcomes,
            Duration drainTimeout,
            Duration maxIdleWait) {
        this(
                queue,
                handlers,
                workerId,
                outcomes,
                drainTimeout,
                maxIdleWait,
                new JobTracing(ObservationRegistry.NOOP));
    }

    public JobWorker(
            JobQueue queue,
            List<JobHandler> handlers,
            String workerId,
            JobOutcomes outcomes,
            Duration drainTimeout,
            Duration maxIdleWait,
            JobTracing tracing) {
        this.tracing = tracing;
        this.queue = queue;
        this.handlers = List.copyOf(handlers);
        this.workerId = workerId;
        this.outcomes = outcomes;
        this.drainTimeout = drainTimeout;
        this.maxIdleWait = maxIdleWait;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (JobHandler handler : handlers) {
            AtomicInteger n = new AtomicInteger();
            String type = handler.type().name();
            ExecutorService pool =
                    Executors.newFixedThreadPool(
                            handler.concurrency(),
                            r -> new Thread(r, "job-" + type + "-" + n.incrementAndGet()));
            for (int i = 0; i < handler.concurrency(); i++) {
                String consumerId = workerId + "/" + type + "/" + i;
                pool.execute(new ConsumerLoop(handler, consumerId));
            }
            pools.add(pool);
        }
        LOG.info("Job worker {} consuming {} job types", workerId, handlers.size());
    }

    @Override
    public synchronized void stop() {
        running = false;
        pools.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        for (ExecutorService pool : pools) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    pool.shutdownNow();
                    pool.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
        for (Lease lease : inFlight) {
            releaseQuietly(lease);
        }
        pools.clear();
        LOG.info("Job worker {} stopped", workerId);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class ConsumerLoop implements Runnable {
        private final JobHandler handler;
        private final String consumerId;
        private final IdleBackoff idle;

        ConsumerLoop(JobHandler handler, String consumerId) {
            this.handler = handler;
            this.consumerId = consumerId;
            this.idle = new IdleBackoff(maxIdleWait);
        }

        @Override
        public void run() {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    Optional<Lease> lease =
                            queue.lease(handler.type(), consumerId, handler.leaseDuration());
                    if (lease.isPresent()) {
                        idle.reset();
                        if (lease.get().takenOver()) {
                            outcomes.takenOver(handler.type());
                        }
                        process(lease.get());
                    } else {
                        idle.pause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("Queue unavailable for {}: {}", handler.type(), e.getMessage());
                    pauseAfterError();
                }
            }
        }

        private void pauseAfterError() {
            try {
                idle.pauseAfterError();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void process(Lease lease) {
            inFlight.add(lease);
            long start = System.nanoTime();
            try {
                tracing.run(lease.job(), () -> handler.handle(lease.job()));
                queue.complete(lease);
                outcomes.completed(handler.type(), System.nanoTime() - start);
            } catch (Exception e) {
                boolean interrupted =
                        e instanceof InterruptedException || Thread.currentThread().isInterrupted();
                if (!running && interrupted) {
                    releaseQuietly(lease);
                    outcomes.released(handler.type());
                } else {
                    failed(lease, e);
                }
            } finally {
                inFlight.remove(lease);
            }
        }

        private void failed(Lease lease, Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Optional<Duration> retry =
                    handler.retryPolicy()
                            .nextDelay(
                                    lease.job().attempt(),
                                    java.util.concurrent.ThreadLocalRandom.current());
            queue.fail(lease, error, retry);
            if (retry.isPresent()) {
                outcomes.retried(handler.type());
                LOG.warn(
                        "Job {} {} attempt {} failed, retry in {} ms: {}",
                        handler.type(),
                        lease.job().id(),
                        lease.job().attempt(),
                        retry.get().toMillis(),
                        error);
            } else {
                outcomes.dead(handler.type());
                LOG.error(
                        "Job {} {} is dead after {} attempts: {}",
                        handler.type(),
                        lease.job().id(),
                        lease.job().attempt(),
                        error);
            }
        }
    }

    private void releaseQuietly(Lease lease) {
        try {
            queue.release(lease);
        } catch (RuntimeException e) {
            LOG.warn("Could not release job {}; it returns after its lease", lease.job().id());
        }
    }
}
