package org.ramsetu.infra.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * A cache that fails (Redis down or slow) is treated as a cache that is empty: the cached method
 * runs and its caller gets an answer. Each failure counts in {@code ramsetu_cache_errors_total}
 * (tags {@code cache}, {@code operation}); {@code ramsetu_cache_degraded} is 1 while failures are
 * recent; one WARN line per interval says so without flooding the log.
 */
public final class DegradingCacheErrorHandler implements CacheErrorHandler {

    static final Duration DEGRADED_WINDOW = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DegradingCacheErrorHandler.class);

    private final MeterRegistry meters;
    private final AtomicLong lastFailureNanos = new AtomicLong();
    private final AtomicLong lastWarnNanos = new AtomicLong();
    private volatile boolean failedEver;

    public DegradingCacheErrorHandler(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("ramsetu.cache.degraded", this, h -> h.isDegraded() ? 1 : 0)
                .description(
                        "1 while the cache has failed within the last "
                                + DEGRADED_WINDOW.toSeconds()
                                + "s")
                .register(meters);
    }

    /** Whether a cache operation failed within the last {@link #DEGRADED_WINDOW}. */
    public boolean isDegraded() {
        return failedEver && System.nanoTime() - lastFailureNanos.get() < DEGRADED_WINDOW.toNanos();
    }

    @Override
    public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
        failed("get", cache, e);
    }

    @Override
    public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
        failed("put", cache, e);
    }

    @Override
    public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
        // The stale entry may outlive the outage; its time-to-live bounds how long.
        failed("evict", cache, e);
    }

    @Override
    public void handleCacheClearError(RuntimeException e, Cache cache) {
        failed("clear", cache, e);
    }

    private void failed(String operation, Cache cache, RuntimeException e) {
        long now = System.nanoTime();
        lastFailureNanos.set(now);
        failedEver = true;
        Counter.builder("ramsetu.cache.errors")
                .description("cache operations that failed and were skipped")
                .tag("cache", cache.getName())
                .tag("operation", operation)
                .register(meters)
                .increment();
        long lastWarn = lastWarnNanos.get();
        if ((lastWarn == 0 || now - lastWarn >= DEGRADED_WINDOW.toNanos())
                && lastWarnNanos.compareAndSet(lastWarn, now)) {
            log.warn(
                    "Cache {} failed on {} ({}); serving without the cache until it recovers",
                    cache.getName(),
                    operation,
                    e.toString());
        }
    }
}
