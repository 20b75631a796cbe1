package org.ramsetu.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CachedHealthIndicatorTest {

    private final AtomicReference<Supplier<Health>> answer =
            new AtomicReference<>(() -> Health.up().build());
    private final AtomicInteger checks = new AtomicInteger();

    private CachedHealthIndicator indicator(Duration upInterval) {
        return new CachedHealthIndicator(
                "test",
                () -> {
                    checks.incrementAndGet();
                    return answer.get().get();
                },
                Duration.ofMillis(50),
                upInterval,
                Duration.ofMillis(200),
                2,
                Clock.systemUTC());
    }

    @Test
    void aCheckThatHangsTurnsDownWhileTheProbeStillAnswersAtOnce() throws Exception {
        try (CachedHealthIndicator health = indicator(Duration.ofMillis(50))) {
            awaitStatus(health, Status.UP);
            CountDownLatch release = new CountDownLatch(1);
            answer.set(
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Health.up().build();
                    });

            awaitStatus(health, Status.DOWN);
            long start = System.nanoTime();
            health.health();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(50));

            release.countDown();
            awaitStatus(health, Status.UP);
        }
    }

    @Test
    void oneFailureAfterUpDoesNotFlapButTwoInARowDo() throws Exception {
        try (CachedHealthIndicator health = indicator(Duration.ofMillis(50))) {
            awaitStatus(health, Status.UP);
            AtomicInteger failuresLeft = new AtomicInteger(1);
            answer.set(
                    () ->
                            failuresLeft.getAndDecrement() > 0
                                    ? Health.down().build()
                                    : Health.up().build());
            int before = checks.get();
            while (checks.get() < before + 4) {
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                Thread.sleep(10);
            }

            answer.set(() -> Health.down().build());
            awaitStatus(health, Status.DOWN);
        }
    }

    @Test
    void anUpCheckRunsOnlyEveryUpInterval() throws Exception {
        try (CachedHealthIndicator health = indicator(Duration.ofSeconds(30))) {
            awaitStatus(health, Status.UP);
            int afterFirst = checks.get();
            Thread.sleep(300);
            assertThat(checks.get()).isEqualTo(afterFirst);
        }
    }

    private static void awaitStatus(CachedHealthIndicator health, Status expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!health.health().getStatus().equals(expected)) {
            assertThat(System.nanoTime()).as("reaching " + expected).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
