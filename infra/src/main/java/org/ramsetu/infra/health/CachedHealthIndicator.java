package org.ramsetu.infra.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health check a load balancer can trust: the wrapped check runs in the background with a time
 * limit, and a probe reads the last result at once. A dependency that hangs (a database host gone
 * without a TCP reset, a pool waiting its 5 s for a connection) therefore turns the check DOWN
 * within a few seconds, and the probe itself never waits on it. One slow or failed check on a busy
 * machine does not flap readiness: DOWN needs {@code failuresBeforeDown} in a row. While UP the
 * check runs every {@code upInterval} (a costly check, such as reading the migration history, need
 * not run every second), while DOWN every {@code interval}. A result older than three periods (the
 * checker itself stuck) is DOWN too.
 */
public final class CachedHealthIndicator implements HealthIndicator, AutoCloseable {

    private final String name;
    private final HealthIndicator check;
    private final Duration timeout;
    private final Duration upInterval;
    private final int failuresBeforeDown;
    private final Duration staleAfter;
    private final Clock clock;
    private final ScheduledExecutorService schedule;
    private final ExecutorService runner;
    private final AtomicBoolean running = new AtomicBoolean();
    private int failuresInARow;
    private volatile Health lastUp;
    private volatile Health last = Health.down().withDetail("reason", "not checked yet").build();
    private volatile Instant checkedAt;

    public CachedHealthIndicator(
            String name,
            HealthIndicator check,
            Duration interval,
            Duration upInterval,
            Duration timeout,
            int failuresBeforeDown,
            Clock clock) {
        this.name = name;
        this.check = check;
        this.timeout = timeout;
        this.upInterval = upInterval;
        this.failuresBeforeDown = failuresBeforeDown;
        this.staleAfter =
                (upInterval.compareTo(interval) > 0 ? upInterval : interval)
                        .multipliedBy(3)
                        .plus(timeout);
        this.clock = clock;
        this.checkedAt = clock.instant();
        this.schedule =
                Executors.newSingleThreadScheduledExecutor(
                        r -> daemon(r, "health-" + name + "-schedule"));
        this.runner = Executors.newCachedThreadPool(r -> daemon(r, "health-" + name));
        schedule.scheduleWithFixedDelay(
                this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checked every second, DOWN after two failures (or 2 s without an answer) in a row. */
    public static CachedHealthIndicator of(String name, HealthIndicator check) {
        return of(name, check, Duration.ofSeconds(1));
    }

    /** Like {@link #of(String, HealthIndicator)}, but only every {@code upInterval} while UP. */
    public static CachedHealthIndicator of(
            String name, HealthIndicator check, Duration upInterval) {
        return new CachedHealthIndicator(
                name,
                check,
                Duration.ofSeconds(1),
                upInterval,
                Duration.ofSeconds(2),
                2,
                Clock.systemUTC());
    }

    @Override
    public Health health() {
        if (Duration.between(checkedAt, clock.instant()).compareTo(staleAfter) > 0) {
            return Health.down()
                    .withDetail("reason", "no result for " + staleAfter.toMillis() + " ms")
                    .build();
        }
        return last;
    }

    /** Runs the check unless it is UP and fresh, or the previous one still runs (a failure). */
    void refresh() {
        if (last == lastUp
                && lastUp != null
                && Duration.between(checkedAt, clock.instant()).compareTo(upInterval) < 0) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            record(Health.down().withDetail("reason", "previous check still running").build());
            return;
        }
        Future<Health> result =
                runner.submit(
                        () -> {
                            try {
                                return check.health();
                            } finally {
                                running.set(false);
                            }
                        });
        try {
            record(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // The check goes on in the background (a thread blocked in I/O cannot be trusted to
            // stop); the next refresh sees it running and counts another failure.
            record(
                    Health.down()
                            .withDetail("reason", "no answer within " + timeout.toMillis() + " ms")
                            .build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            record(Health.down(e).build());
        }
    }

    private synchronized void record(Health health) {
        checkedAt = clock.instant();
        if (Status.UP.equals(health.getStatus())) {
            failuresInARow = 0;
            lastUp = health;
            last = health;
        } else if (++failuresInARow >= failuresBeforeDown || lastUp == null) {
            last = health;
        }
        // else: a single failure after UP keeps UP until the next check confirms or clears it
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        runner.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
