package org.ramsetu.infra.scoring.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringException;
import org.ramsetu.infra.scoring.ScoringUnavailableException;

/**
 * The scoring port in split mode, guarded so that a slow or dead scoring target cannot hold a
 * coordinator's request: a bulkhead bounds calls in flight, a time limiter bounds each logical call
 * (retries included), a retry with exponential back-off and jitter repeats transient failures only,
 * and a circuit breaker stops calling a target that keeps failing. Every way of not getting an
 * answer surfaces as {@link ScoringUnavailableException} with a reason a person can read, so the
 * caller can rank on the clinical policy alone and say why (ADR 0010).
 *
 * <p>Order, outermost first: bulkhead → time limiter → retry → circuit breaker → HTTP attempt. The
 * breaker sees every attempt (a dead target opens it after a few calls); an open breaker is not
 * retried; one bulkhead permit covers a call and all its retries.
 */
public final class ResilientScoringClient implements ScoringClient, AutoCloseable {

    /** The name of the breaker, retry, bulkhead and limiter, as tagged in the metrics. */
    public static final String NAME = "scoring";

    private final ScoringClient delegate;
    private final ObservationRegistry observations;
    private final ScoringClientProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiterRegistry limiters;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final TimeLimiter limiter;
    private final ExecutorService calls;

    public ResilientScoringClient(ScoringClient delegate, ScoringClientProperties properties) {
        this(delegate, properties, ObservationRegistry.NOOP);
    }

    /**
     * @param observations the caller's current observation (its span) is made current on the thread
     *     that makes the call, so the call joins the caller's trace
     */
    public ResilientScoringClient(
            ScoringClient delegate,
            ScoringClientProperties properties,
            ObservationRegistry observations) {
        this.observations = observations;
        this.delegate = delegate;
        this.properties = properties;
        this.breakers = CircuitBreakerRegistry.of(breakerConfig(properties));
        this.retries = RetryRegistry.of(retryConfig(properties));
        this.bulkheads =
                BulkheadRegistry.of(
                        BulkheadConfig.custom()
                                .maxConcurrentCalls(properties.maxConcurrentCalls())
                                .maxWaitDuration(properties.maxWaitForPermit())
                                .build());
        this.limiters =
                TimeLimiterRegistry.of(
                        TimeLimiterConfig.custom()
                                .timeoutDuration(properties.timeLimit())
                                .cancelRunningFuture(true)
                                .build());
        this.breaker = breakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.bulkhead = bulkheads.bulkhead(NAME);
        this.limiter = limiters.timeLimiter(NAME);
        // One thread per bulkhead permit: a call only gets here holding a permit, so the queue
        // holds at most a task whose thread is just finishing the previous one.
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        properties.maxConcurrentCalls(),
                        properties.maxConcurrentCalls(),
                        60,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        this.calls = pool;
    }

    @Override
    public RankResponse rank(String organ, RankRequest request) {
        return call(() -> delegate.rank(organ, request));
    }

    @Override
    public ScoreResponse score(String organ, ScoreRequest request) {
        return call(() -> delegate.score(organ, request));
    }

    @Override
    public ScoreResponse scoreRows(String organ, FeatureRows rows) {
        return call(() -> delegate.scoreRows(organ, rows));
    }

    @Override
    public List<ModelSummary> models() {
        return call(delegate::models);
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    public ScoringClientProperties properties() {
        return properties;
    }

    CircuitBreakerRegistry breakers() {
        return breakers;
    }

    RetryRegistry retries() {
        return retries;
    }

    BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    TimeLimiterRegistry limiters() {
        return limiters;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    private <T> T call(Supplier<T> attempt) {
        try {
            bulkhead.acquirePermission();
        } catch (BulkheadFullException full) {
            throw new ScoringUnavailableException(
                    "scoring is busy: "
                            + properties.maxConcurrentCalls()
                            + " calls already in flight from this instance",
                    ScoringUnavailableException.Reason.BUSY,
                    full);
        }
        Supplier<T> guarded =
                Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt));
        // The call runs on a pool thread (so the time limit can abandon it): carry the caller's
        // observation there, or the scoring call would start a trace of its own.
        Observation caller = observations.getCurrentObservation();
        try {
            return limiter.executeFutureSupplier(
                    () ->
                            calls.submit(
                                    () -> {
                                        try (Observation.Scope scope =
                                                caller == null ? null : caller.openScope()) {
                                            return guarded.get();
                                        } finally {
                                            // Released when the work really ends, not when the
                                            // caller gave up on it, so the bound holds.
                                            bulkhead.onComplete();
                                        }
                                    }));
        } catch (TimeoutException slow) {
            throw new ScoringUnavailableException(
                    "scoring did not answer within " + millis(properties.timeLimit()),
                    ScoringUnavailableException.Reason.TIMEOUT,
                    slow);
        } catch (CallNotPermittedException open) {
            throw new ScoringUnavailableException(
                    "scoring is unavailable: its circuit breaker is open after repeated"
                            + " failures; calls resume after "
                            + millis(properties.openFor()),
                    ScoringUnavailableException.Reason.BREAKER_OPEN,
                    open);
        } catch (ScoringException refusedOrUnavailable) {
            throw refusedOrUnavailable;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScoringUnavailableException("interrupted while waiting for scoring", e);
        } catch (RuntimeException unexpected) {
            throw new ScoringUnavailableException(
                    "scoring call failed unexpectedly: " + unexpected, unexpected);
        } catch (Exception other) {
            throw new ScoringUnavailableException("scoring call failed: " + other, other);
        }
    }

    private static CircuitBreakerConfig breakerConfig(ScoringClientProperties p) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.slidingWindowSize())
                .minimumNumberOfCalls(p.minimumCalls())
                .failureRateThreshold(p.failureRateThreshold())
                .waitDurationInOpenState(p.openFor())
                .permittedNumberOfCallsInHalfOpenState(p.halfOpenCalls())
                // A 4xx is the caller's mistake, not the target's ill health.
                .recordException(TransientScoringFailures::isServerFailure)
                .build();
    }

    private static RetryConfig retryConfig(ScoringClientProperties p) {
        return RetryConfig.custom()
                .maxAttempts(p.maxAttempts())
                .intervalFunction(
                        IntervalFunction.ofExponentialRandomBackoff(
                                p.backoff(), p.backoffMultiplier(), p.jitter()))
                .retryOnException(TransientScoringFailures::isTransient)
                .build();
    }

    private static String millis(java.time.Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "scoring-call-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
