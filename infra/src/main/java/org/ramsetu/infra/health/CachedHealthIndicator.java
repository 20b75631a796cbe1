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

/**
 * A health check a load balancer can trust: the wrapped check runs in the background every {@code
 * interval} with a time limit, and a probe reads the last result at once. A dependency that hangs
 * (a database host gone without a TCP reset, a pool waiting its 5 s for a connection) therefore
 * turns the check DOWN within {@code interval + timeout}, and the probe itself never waits on it. A
 * result older than {@code staleAfter} (the checker itself stuck) is DOWN too.
 */
public final class CachedHealthIndicator implements HealthIndicator, AutoCloseable {

    private final String name;
    private final HealthIndicator check;
    private final Duration timeout;
    private final Duration staleAfter;
    private final Clock clock;
    private final ScheduledExecutorService schedule;
    private final ExecutorService runner;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Health last = Health.down().withDetail("reason", "not checked yet").build();
    private volatile Instant checkedAt;

    public CachedHealthIndicator(
            String name, HealthIndicator check, Duration interval, Duration timeout, Clock clock) {
        this.name = name;
        this.check = check;
        this.timeout = timeout;
        this.staleAfter = interval.multipliedBy(3).plus(timeout);
        this.clock = clock;
        this.checkedAt = clock.instant();
        this.schedule =
                Executors.newSingleThreadScheduledExecutor(
                        r -> daemon(r, "health-" + name + "-schedule"));
        this.runner = Executors.newCachedThreadPool(r -> daemon(r, "health-" + name));
        schedule.scheduleWithFixedDelay(
                this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static CachedHealthIndicator of(String name, HealthIndicator check) {
        return new CachedHealthIndicator(
                name, check, Duration.ofSeconds(1), Duration.ofMillis(800), Clock.systemUTC());
    }

    @Override
    public Health health() {
        Instant at = checkedAt;
        if (Duration.between(at, clock.instant()).compareTo(staleAfter) > 0) {
            return Health.down()
                    .withDetail("reason", "no result for " + staleAfter.toMillis() + " ms")
                    .build();
        }
        return last;
    }

    /** Runs the check unless the previous one is still running (it then stays DOWN). */
    void refresh() {
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
            // stop); the next refresh sees it running and stays DOWN until it returns.
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

    private void record(Health health) {
        last = health;
        checkedAt = clock.instant();
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
