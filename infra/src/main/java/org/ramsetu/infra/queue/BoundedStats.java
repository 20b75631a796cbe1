package org.ramsetu.infra.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Queue statistics read within a time limit. While the queue's store is away (Redis failing over,
 * PostgreSQL down) a read waits for a reconnect up to the client's timeout; a dashboard or a
 * metrics scrape must not wait that long, so it gets "unknown" after {@code limit} instead. The
 * read itself goes on in the background and is simply dropped.
 */
public final class BoundedStats {

    // A few threads at most: reads abandoned while a store hangs keep their thread until the
    // client gives up, and later reads then simply wait in line and time out.
    private static final ExecutorService READERS =
            Executors.newFixedThreadPool(
                    4,
                    r -> {
                        Thread t = new Thread(r, "queue-stats");
                        t.setDaemon(true);
                        return t;
                    });

    private BoundedStats() {}

    /** Stats of each type, all read at once; a type whose read did not finish is absent. */
    public static Map<JobType, QueueStats> of(JobQueue queue, List<JobType> types, Duration limit) {
        List<CompletableFuture<QueueStats>> reads = new ArrayList<>();
        for (JobType type : types) {
            reads.add(CompletableFuture.supplyAsync(() -> queue.stats(type), READERS));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Map<JobType, QueueStats> result = new LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                result.put(types.get(i), reads.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception unavailableOrSlow) {
                reads.get(i).cancel(false);
            }
        }
        return result;
    }

    public static Optional<QueueStats> of(JobQueue queue, JobType type, Duration limit) {
        return Optional.ofNullable(of(queue, List.of(type), limit).get(type));
    }

    /** Any other read for a dashboard or a scrape, within the same limit and threads. */
    public static <T> Optional<T> within(Duration limit, java.util.function.Supplier<T> read) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(read, READERS);
        try {
            return Optional.ofNullable(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception unavailableOrSlow) {
            future.cancel(false);
            return Optional.empty();
        }
    }
}
