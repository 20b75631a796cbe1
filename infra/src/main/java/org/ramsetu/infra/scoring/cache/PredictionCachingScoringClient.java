package org.ramsetu.infra.scoring.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ramsetu.infra.flags.FlagKeys;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringClient;

/**
 * The scoring port with ML scores cached by (organ, model version, feature vector hash): a match or
 * allocation run repeated over the same registry asks the model only for the candidates whose
 * features changed. Switched at run time by the flag {@code scoring.prediction-cache} (evaluated
 * with the attributes {@code organ} and {@code scoring} = {@code in-process} or {@code http}, so it
 * can stay on only where it pays; docs/PERFORMANCE.md "Prediction cache").
 *
 * <p><b>Model versions.</b> A cached score is only as good as the model that made it, so the model
 * version is part of the key and is known before the cache is consulted: the loaded versions
 * ({@link ScoringClient#models()}) are asked for before each call (or at most every {@code
 * versionCheckInterval} when one is set), and every answer's {@code modelVersion} updates them.
 * Results are stored only under the version the answer names. When the model changed between the
 * lookup and the call (the answer names another version than the one looked up), the cached part of
 * the request is of the old model: the whole request is scored again by the new one rather than
 * mixing two models in one answer. A new version of an organ drops that organ's entries of every
 * other version at once (they could never be hit again and would only take room).
 *
 * <p><b>Only {@code score}.</b> {@link #rank} passes through: its answer depends on the whole
 * candidate set (which K are best), and it carries SHAP contributions computed for those K only;
 * the runs call it for the few proposed candidates, where there is nothing worth caching.
 */
public final class PredictionCachingScoringClient implements ScoringClient {

    /** The cache key; organ lower case. */
    record Key(String organ, String modelVersion, FeatureVectorHash features) {}

    private final ScoringClient delegate;
    private final Client flags;
    private final String path;
    private final long versionCheckNanos;
    private final LongSupplier nanoTime;
    private final Cache<Key, Double> cache;
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final AtomicLong versionsCheckedAt;
    private final AtomicLong modelChanges = new AtomicLong();
    private final AtomicLong rescoredAfterSwap = new AtomicLong();

    /**
     * @param path {@code in-process} or {@code http}: which scoring the decorated client does, an
     *     attribute of the flag's evaluation
     */
    public PredictionCachingScoringClient(
            ScoringClient delegate,
            Client flags,
            String path,
            PredictionCacheProperties properties,
            LongSupplier nanoTime) {
        this.delegate = delegate;
        this.flags = flags;
        this.path = path;
        this.versionCheckNanos = properties.versionCheckInterval().toNanos();
        this.nanoTime = nanoTime;
        this.versionsCheckedAt = new AtomicLong(nanoTime.getAsLong() - versionCheckNanos - 1);
        this.cache =
                Caffeine.newBuilder().maximumSize(properties.maximumSize()).recordStats().build();
    }

    public PredictionCachingScoringClient(
            ScoringClient delegate, Client flags, String path, PredictionCacheProperties p) {
        this(delegate, flags, path, p, System::nanoTime);
    }

    public ScoringClient delegate() {
        return delegate;
    }

    /** Whether the flag lets the cache serve {@code organ} now. */
    public boolean enabledFor(String organ) {
        return flags.getBooleanValue(
                FlagKeys.PREDICTION_CACHE,
                false,
                new ImmutableContext(
                        Map.of(
                                "organ", new Value(organ.toUpperCase(Locale.ROOT)),
                                "scoring", new Value(path))));
    }

    /** The matrix reaches the client behind unless the cache serves the organ (it keys by map). */
    @Override
    public ScoreResponse scoreRows(String organ, FeatureRows rows) {
        return enabledFor(organ) ? score(organ, rows.asRequest()) : delegate.scoreRows(organ, rows);
    }

    @Override
    public ScoreResponse score(String organ, ScoreRequest request) {
        if (!enabledFor(organ)) {
            return delegate.score(organ, request);
        }
        String organKey = organ.toLowerCase(Locale.ROOT);
        Optional<String> known = version(organKey);
        if (known.isEmpty()) {
            return remembered(organKey, delegate.score(organ, request));
        }
        String version = known.get();
        List<Candidate> candidates = request.candidates();
        FeatureVectorHash[] hashes = new FeatureVectorHash[candidates.size()];
        Double[] scores = new Double[candidates.size()];
        List<Candidate> misses = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            hashes[i] = FeatureVectorHash.of(candidates.get(i).features());
            scores[i] = cache.getIfPresent(new Key(organKey, version, hashes[i]));
            if (scores[i] == null) {
                misses.add(candidates.get(i));
            }
        }
        if (misses.isEmpty()) {
            return answer(version, candidates, scores);
        }
        ScoreResponse fresh = delegate.score(organ, new ScoreRequest(misses));
        if (!version.equals(fresh.modelVersion())) {
            learned(organKey, fresh.modelVersion());
            if (misses.size() < candidates.size()) {
                // Part of this answer would be the old model's: score it all with the new one.
                rescoredAfterSwap.incrementAndGet();
                return store(organKey, candidates, delegate.score(organ, request));
            }
            return store(organKey, candidates, fresh);
        }
        Map<String, Double> byId = new HashMap<>(fresh.results().size() * 2);
        for (ScoredCandidate s : fresh.results()) {
            byId.put(s.id(), s.score());
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (scores[i] == null) {
                Double s = byId.get(candidates.get(i).id());
                if (s == null) {
                    // An answer missing a candidate: pass it on as it came, the caller judges it.
                    return fresh;
                }
                scores[i] = s;
                cache.put(new Key(organKey, version, hashes[i]), s);
            }
        }
        return answer(version, candidates, scores);
    }

    @Override
    public RankResponse rank(String organ, RankRequest request) {
        return delegate.rank(organ, request);
    }

    @Override
    public List<ModelSummary> models() {
        List<ModelSummary> models = delegate.models();
        models.forEach(m -> learned(m.organ().toLowerCase(Locale.ROOT), m.version()));
        versionsCheckedAt.set(nanoTime.getAsLong());
        return models;
    }

    /** Caffeine's figures and the cache's own, as {@code ramsetu_prediction_cache_*}. */
    public void bindTo(MeterRegistry registry) {
        String name = "ramsetu.prediction.cache";
        FunctionCounter.builder(name + ".requests", cache, c -> c.stats().hitCount())
                .tag("result", "hit")
                .description("Candidates whose score came from the prediction cache")
                .register(registry);
        FunctionCounter.builder(name + ".requests", cache, c -> c.stats().missCount())
                .tag("result", "miss")
                .description("Candidates the prediction cache had to ask the model for")
                .register(registry);
        FunctionCounter.builder(name + ".evictions", cache, c -> c.stats().evictionCount())
                .description("Scores dropped to stay within the maximum size")
                .register(registry);
        Gauge.builder(name + ".size", cache, Cache::estimatedSize)
                .description("Scores held")
                .register(registry);
        FunctionCounter.builder(name + ".model.changes", modelChanges, AtomicLong::get)
                .description("New model versions seen; each dropped the organ's older entries")
                .register(registry);
        FunctionCounter.builder(name + ".swap.rescores", rescoredAfterSwap, AtomicLong::get)
                .description("Requests scored again because the model changed during the call")
                .register(registry);
    }

    /** Hits, misses, evictions (for the benchmark and tests). */
    public com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
        return cache.stats();
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * The organ's loaded version, asked for when the last check is older than the interval (with
     * the default interval of zero: on every call). When the model server cannot say, its failure
     * is the answer: a dead scoring target degrades the run as it would without the cache (ADR
     * 0010), in the same time, instead of being hidden behind cached scores of a model maybe gone.
     */
    private Optional<String> version(String organ) {
        long now = nanoTime.getAsLong();
        long checked = versionsCheckedAt.get();
        boolean due =
                versionCheckNanos == 0
                        || (now - checked > versionCheckNanos
                                && versionsCheckedAt.compareAndSet(checked, now));
        if (due) {
            try {
                models();
            } catch (RuntimeException unavailable) {
                versions.clear();
                throw unavailable;
            }
        }
        return Optional.ofNullable(versions.get(organ));
    }

    private void learned(String organ, String version) {
        if (version == null) {
            return;
        }
        String before = versions.put(organ, version);
        if (before != null && !before.equals(version)) {
            modelChanges.incrementAndGet();
            cache.asMap()
                    .keySet()
                    .removeIf(k -> k.organ().equals(organ) && !k.modelVersion().equals(version));
        }
    }

    private ScoreResponse remembered(String organ, ScoreResponse response) {
        learned(organ, response.modelVersion());
        return response;
    }

    /** Stores a complete answer under the version it names. */
    private ScoreResponse store(String organ, List<Candidate> candidates, ScoreResponse response) {
        Map<String, FeatureVectorHash> byId = new HashMap<>(candidates.size() * 2);
        for (Candidate c : candidates) {
            byId.put(c.id(), FeatureVectorHash.of(c.features()));
        }
        learned(organ, response.modelVersion());
        for (ScoredCandidate s : response.results()) {
            FeatureVectorHash h = byId.get(s.id());
            if (h != null) {
                cache.put(new Key(organ, response.modelVersion(), h), s.score());
            }
        }
        return response;
    }

    private static ScoreResponse answer(String version, List<Candidate> candidates, Double[] s) {
        List<ScoredCandidate> results = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            results.add(new ScoredCandidate(candidates.get(i).id(), s[i]));
        }
        return new ScoreResponse(version, results);
    }
}
