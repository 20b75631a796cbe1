package org.ramsetu.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.SettingsContexts;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@link CacheConfiguration} promises with either back end, seen through {@code @Cacheable} on
 * a real Spring context. Subclasses give the settings that pick the back end.
 */
abstract class CacheContract {

    /** Settings with the given Redis URL, or none for the in-memory default. */
    static RamsetuSettings settings(Optional<String> redisUrl) {
        return RamsetuSettings.fromEnvironment(
                redisUrl.map(url -> Map.of("RAMSETU_REDIS_URL", url)).orElse(Map.of()));
    }

    abstract RamsetuSettings settings();

    /** Runs {@code test} in a context with the cache configuration and a {@link Hospitals} bean. */
    void withContext(Consumer<ConfigurableApplicationContext> test, String... properties) {
        SettingsContexts.withSettings(this::settings)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Hospitals.class)
                .withUserConfiguration(CacheConfiguration.class)
                // Generous by default so a loaded CI machine does not turn a slow write into a
                // miss; the outage test sets the production timeout itself.
                .withPropertyValues("ramsetu.cache.redis-timeout=2s")
                .withPropertyValues(properties)
                .run(context -> test.accept(context));
    }

    @Test
    void aSecondCallWithTheSameArgumentIsServedFromTheCache() {
        withContext(
                context -> {
                    Hospitals hospitals = context.getBean(Hospitals.class);
                    String first = hospitals.name(unique("h1"));

                    assertThat(hospitals.name(unique("h1"))).isEqualTo(first);
                    assertThat(hospitals.lookups(unique("h1"))).isEqualTo(1);
                    hospitals.name(unique("h2"));
                    assertThat(hospitals.lookups(unique("h2"))).isEqualTo(1);
                });
    }

    @Test
    void anEvictedEntryIsComputedAgain() {
        withContext(
                context -> {
                    Hospitals hospitals = context.getBean(Hospitals.class);
                    hospitals.name(unique("h3"));

                    hospitals.rename(unique("h3"));
                    hospitals.name(unique("h3"));

                    assertThat(hospitals.lookups(unique("h3"))).isEqualTo(2);
                });
    }

    @Test
    void anEntryExpiresAfterItsTimeToLive() {
        withContext(
                context -> {
                    Hospitals hospitals = context.getBean(Hospitals.class);
                    hospitals.name(unique("h4"));
                    sleep(700);
                    hospitals.name(unique("h4"));

                    assertThat(hospitals.lookups(unique("h4"))).isEqualTo(2);
                },
                "ramsetu.cache.time-to-live=300ms");
    }

    /**
     * Keys unique to this test instance, so tests sharing one Redis never see each other's entries.
     */
    private final String run = Long.toString(System.nanoTime());

    String unique(String id) {
        return id + "-" + run;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A slow lookup worth caching; counts how often it really runs. */
    static class Hospitals {
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        @Cacheable("hospitals")
        public String name(String id) {
            int n = lookups.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return "Hospital " + id + " (lookup " + n + ")";
        }

        @CacheEvict("hospitals")
        public void rename(String id) {}

        int lookups(String id) {
            return lookups.getOrDefault(id, new AtomicInteger()).get();
        }
    }
}
