package org.ramsetu.infra.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenFeature provider over {@code feature_flag}. Evaluations read an in-memory copy of every flag
 * (a flag is read on hot paths such as each scoring call, so never a query per evaluation); the
 * copy is re-read every {@code refreshInterval}, so a change made on one instance reaches every
 * instance within that interval, or at once where a change notification arrives ({@link
 * #refresh()}). When PostgreSQL cannot be read the last copy stays in use.
 *
 * <p>Evaluation order (docs/feature-flags.md): unknown flag → the caller's default ({@code
 * FLAG_NOT_FOUND}); disabled → the caller's default ({@code DISABLED}); else the first rule whose
 * environments, attributes and percentage all match chooses its variant ({@code TARGETING_MATCH},
 * or {@code SPLIT} for a rule with a percentage); else the flag's default variant ({@code STATIC}),
 * or the caller's default when the flag has none ({@code DEFAULT}). A variant whose value is not of
 * the asked type gives the caller's default ({@code TYPE_MISMATCH}).
 */
public class PostgresFeatureProvider implements FeatureProvider {

    private static final Logger log = LoggerFactory.getLogger(PostgresFeatureProvider.class);

    /** Where the flags came from and when, for the operations endpoint. */
    public record Snapshot(Map<String, FeatureFlag> flags, Instant readAt) {}

    private final FeatureFlagStore store;
    private final String environment;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);
    private ScheduledExecutorService refresher;

    public PostgresFeatureProvider(
            FeatureFlagStore store, String environment, Duration refreshInterval) {
        this.store = store;
        this.environment = environment;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public Metadata getMetadata() {
        return () -> "ramsetu-postgres";
    }

    public String environment() {
        return environment;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void initialize(EvaluationContext evaluationContext) {
        if (refresher != null) {
            return;
        }
        refreshQuietly(); // a failure leaves defaults in force until the next refresh succeeds
        refresher =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "feature-flags-refresh");
                            t.setDaemon(true);
                            return t;
                        });
        long every = Math.max(1, refreshInterval.toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    /** Re-reads every flag now (after a change here, or when another instance announced one). */
    public void refresh() {
        Map<String, FeatureFlag> read = new HashMap<>();
        for (FeatureFlag flag : store.all()) {
            read.put(flag.key(), flag);
        }
        snapshot = new Snapshot(Map.copyOf(read), Instant.now());
    }

    /** Re-reads the flags soon on the refresh thread: for callers that must not block. */
    public synchronized void refreshSoon() {
        if (refresher != null) {
            refresher.execute(this::refreshQuietly);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn(
                    "Feature flags not re-read, the copy of {} stays in use: {}",
                    snapshot.readAt(),
                    e.toString());
        }
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(
            String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, v -> v instanceof Boolean b ? b : null);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(
            String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, v -> v instanceof String s ? s : null);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(
            String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(
                key,
                defaultValue,
                ctx,
                v ->
                        v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                                ? n.intValue()
                                : null);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(
            String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(
                key, defaultValue, ctx, v -> v instanceof Number n ? n.doubleValue() : null);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(
            String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, Value::objectToValue);
    }

    private <T> ProviderEvaluation<T> evaluate(
            String key, T defaultValue, EvaluationContext ctx, Function<Object, T> asType) {
        FeatureFlag flag = snapshot.flags().get(key);
        if (flag == null) {
            return ProviderEvaluation.<T>builder()
                    .value(defaultValue)
                    .reason(Reason.ERROR.name())
                    .errorCode(ErrorCode.FLAG_NOT_FOUND)
                    .errorMessage("no flag " + key)
                    .build();
        }
        if (!flag.enabled()) {
            return ProviderEvaluation.<T>builder()
                    .value(defaultValue)
                    .reason(Reason.DISABLED.name())
                    .build();
        }
        String variant = flag.defaultVariant();
        Reason reason = Reason.STATIC;
        for (FlagRule rule : flag.rules()) {
            if (matches(flag.key(), rule, ctx)) {
                variant = rule.variant();
                reason = rule.percentage() == null ? Reason.TARGETING_MATCH : Reason.SPLIT;
                break;
            }
        }
        if (variant == null) {
            return ProviderEvaluation.<T>builder()
                    .value(defaultValue)
                    .reason(Reason.DEFAULT.name())
                    .build();
        }
        T value = asType.apply(flag.variants().get(variant));
        if (value == null) {
            return ProviderEvaluation.<T>builder()
                    .value(defaultValue)
                    .variant(variant)
                    .reason(Reason.ERROR.name())
                    .errorCode(ErrorCode.TYPE_MISMATCH)
                    .errorMessage(
                            "flag "
                                    + key
                                    + " variant "
                                    + variant
                                    + " is "
                                    + flag.variants().get(variant))
                    .build();
        }
        return ProviderEvaluation.<T>builder()
                .value(value)
                .variant(variant)
                .reason(reason.name())
                .build();
    }

    /** Every condition the rule states must hold; a percentage needs a targeting key. */
    private boolean matches(String flagKey, FlagRule rule, EvaluationContext ctx) {
        if (!rule.environments().isEmpty()
                && rule.environments().stream().noneMatch(environment::equalsIgnoreCase)) {
            return false;
        }
        for (Map.Entry<String, List<String>> condition : rule.attributes().entrySet()) {
            Optional<String> actual = attribute(ctx, condition.getKey());
            if (actual.isEmpty()
                    || condition.getValue().stream().noneMatch(actual.get()::equalsIgnoreCase)) {
                return false;
            }
        }
        if (rule.percentage() != null) {
            String targetingKey = ctx == null ? null : ctx.getTargetingKey();
            if (targetingKey == null || targetingKey.isBlank()) {
                return false; // no key, no stable bucket: never part of a share
            }
            return Buckets.within(flagKey, targetingKey, rule.percentage());
        }
        return true;
    }

    private static Optional<String> attribute(EvaluationContext ctx, String name) {
        if (ctx == null) {
            return Optional.empty();
        }
        Value value = ctx.getValue(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Object raw = value.asObject();
        return Optional.ofNullable(raw).map(String::valueOf);
    }
}
