package org.ramsetu.platform.rankingruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.Unavailable;
import org.ramsetu.platform.web.ApiProblem;

class RankingRunSlotsTest {

    @Test
    void aRunBeyondTheSlotsWaitsThenGets503AndTheNextOneRunsOnceASlotIsFree() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RankingRunSlots slots = new RankingRunSlots(1, Duration.ofMillis(200), meters);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first =
                CompletableFuture.supplyAsync(
                        () ->
                                slots.run(
                                        () -> {
                                            running.countDown();
                                            await(release);
                                            return "first";
                                        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> slots.run(() -> "second"))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        p -> {
                            assertThat(ApiProblem.from(p).status().value()).isEqualTo(503);
                            assertThat(p.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                        });
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
        assertThat(slots.available()).isEqualTo(1);
        assertThat(meters.find("resilience4j.bulkhead.available.concurrent.calls").gauge())
                .isNotNull();
    }

    @Test
    void aFailedRunGivesItsSlotBack() {
        RankingRunSlots slots = new RankingRunSlots(1, Duration.ZERO, null);

        assertThatThrownBy(
                        () ->
                                slots.run(
                                        () -> {
                                            throw new IllegalStateException("query failed");
                                        }))
                .hasMessage("query failed");
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
