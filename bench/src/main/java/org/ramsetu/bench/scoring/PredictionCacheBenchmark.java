package org.ramsetu.bench.scoring;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.infra.flags.FlagKeys;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.HttpScoringClient;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.cache.PredictionCacheProperties;
import org.ramsetu.infra.scoring.cache.PredictionCachingScoringClient;
import org.ramsetu.platform.security.ServiceTokens;
import org.ramsetu.platform.security.TokenKeys;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.ModelLoader;
import org.ramsetu.scoring.runtime.ScoringMetrics;
import org.ramsetu.scoring.runtime.Warmup;
import org.ramsetu.scoring.service.InProcessScoringClient;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainedModel;
import org.ramsetu.scoring.training.TrainingParameters;

/**
 * Does the prediction cache pay? The same kidney candidate batch (a match or allocation run's
 * eligible candidates, scored in batches of 10,000 as {@code MlScoring} does) is scored run after
 * run, with and without {@link PredictionCachingScoringClient}, on both scoring paths:
 *
 * <ul>
 *   <li>{@code in-process} ({@code all}): the default model (200 trees, 20,000 synthetic rows) in
 *       this JVM;
 *   <li>{@code http} ({@code api}, {@code worker}): a real scoring target ({@code java -jar
 *       app/target/ramsetu.jar serve --target scoring}) with the same model, over {@link
 *       HttpScoringClient}.
 * </ul>
 *
 * <p>Two workloads: {@code repeat} (the registry did not change between runs: the best case) and
 * {@code churn10} (a tenth of the candidates have new features each run: new pledges, updated
 * labs). Per configuration: warm-up runs, then measured runs; printed: mean and median ms per run,
 * hit ratio, and ms saved per run against the uncached path.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests -Dweb.skip=true
 * java -cp bench/target/benchmarks.jar org.ramsetu.bench.scoring.PredictionCacheBenchmark \
 *     [candidates=20000] [runs=20] [warmup=5] [jar=app/target/ramsetu.jar]
 * </pre>
 */
public final class PredictionCacheBenchmark {

    private static final String SECRET = "bench-secret-0123456789abcdefghijkl";

    private static final int BATCH = 10_000;

    private PredictionCacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length == 2 ? kv[1] : "");
        }
        int candidates = Integer.parseInt(options.getOrDefault("candidates", "20000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        Path jar = Path.of(options.getOrDefault("jar", "app/target/ramsetu.jar"));

        Path data = Files.createTempDirectory("ramsetu-cache-bench");
        ModelRegistry registry =
                new ModelRegistry(
                        new LocalFolderBlobStore(data.resolve("blobs"), Clock.systemUTC()),
                        Clock.systemUTC());
        // As DefaultModels trains a missing model: 200 trees on 20,000 synthetic rows.
        TrainedModel kidney =
                new ModelTrainer(TrainingParameters.defaults())
                        .train(Dataset.synthetic(Organ.KIDNEY, 20_000, 42), 42);
        var kidneyCard = registry.register(Organ.KIDNEY, kidney, 42, "bench", "synthetic");
        for (Organ other : List.of(Organ.LIVER, Organ.HEART, Organ.CORNEA)) {
            registry.register(
                    other,
                    new ModelTrainer(new TrainingParameters(20, 2, 0.5, 2))
                            .train(Dataset.synthetic(other, 2_000, 42), 42),
                    42,
                    "bench",
                    "synthetic");
        }

        String domain = "bench";
        OpenFeatureAPI.getInstance()
                .setProviderAndWait(
                        domain,
                        new InMemoryProvider(
                                Map.of(
                                        FlagKeys.PREDICTION_CACHE,
                                        Flag.<Boolean>builder()
                                                .variant("on", true)
                                                .defaultVariant("on")
                                                .build())));
        Client flags = OpenFeatureAPI.getInstance().getClient(domain);

        System.out.printf(
                Locale.ROOT,
                "candidates per run %,d (batches of %,d), %d warm-up + %d measured runs%n%n",
                candidates,
                BATCH,
                warmup,
                runs);
        System.out.println(
                "| path | workload | uncached ms/run (mean / median) | cached ms/run (mean /"
                        + " median) | first cached run ms | hit ratio | saved ms/run |");
        System.out.println("|---|---|---|---|---|---|---|");

        LoadedModels models = new LoadedModels();
        ModelLoader loader =
                new ModelLoader(
                        registry,
                        new Warmup(1_000, 3),
                        new ScoringMetrics(new SimpleMeterRegistry()),
                        1);
        models.install(loader.loadWarm(Organ.KIDNEY, kidneyCard));
        InProcessScoringClient inProcess =
                new InProcessScoringClient(
                        models, 20_000, new ScoringMetrics(new SimpleMeterRegistry()));
        measure("in-process", inProcess, flags, candidates, runs, warmup);

        int port = freePort();
        ProcessBuilder serve =
                new ProcessBuilder(
                                "java",
                                "-Xmx1g",
                                "-jar",
                                jar.toString(),
                                "serve",
                                "--target",
                                "scoring",
                                "--port",
                                String.valueOf(port))
                        .redirectOutput(data.resolve("scoring.log").toFile())
                        .redirectErrorStream(true);
        serve.environment().put("RAMSETU_DATA_DIR", data.toString());
        serve.environment().put("RAMSETU_JWT_SECRET", SECRET);
        Process scoring = serve.start();
        scoring.getOutputStream().close();
        try {
            URI url = URI.create("http://127.0.0.1:" + port);
            awaitReady(url, scoring);
            // As the api and worker targets call it: with a service token.
            ScoringClient http =
                    new HttpScoringClient(
                            url,
                            Duration.ofSeconds(30),
                            ObservationRegistry.NOOP,
                            new ServiceTokens(new TokenKeys(SECRET), "bench", Clock.systemUTC()));
            measure("http", http, flags, candidates, runs, warmup);
        } finally {
            scoring.destroy();
            scoring.waitFor();
        }
    }

    private static void measure(
            String path, ScoringClient client, Client flags, int n, int runs, int warmup) {
        for (String workload : List.of("repeat", "churn10")) {
            double churn = workload.equals("repeat") ? 0 : 0.10;
            double[] uncached = timeRuns(client, null, n, runs, warmup, churn, 1);
            PredictionCachingScoringClient cached =
                    new PredictionCachingScoringClient(
                            client,
                            flags,
                            path,
                            new PredictionCacheProperties(200_000, Duration.ZERO));
            // The first run fills the cache: what a run costs when nothing is cached yet.
            double[] cachedRuns = timeRuns(client, cached, n, runs, warmup, churn, 1);
            double first = cachedRuns[cachedRuns.length - 1];
            double[] measured = Arrays.copyOf(cachedRuns, cachedRuns.length - 1);
            var stats = cached.stats();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %.1f / %.1f | %.1f / %.1f | %.1f | %.1f %% | %.1f |%n",
                    path,
                    workload,
                    mean(uncached),
                    median(uncached),
                    mean(measured),
                    median(measured),
                    first,
                    100.0 * stats.hitCount() / Math.max(1, stats.requestCount()),
                    mean(uncached) - mean(measured));
        }
    }

    /**
     * Milliseconds of each measured run (and, for a cached client, the cold first run last). The
     * candidates start from one seed for both clients, so both score the same batches.
     */
    private static double[] timeRuns(
            ScoringClient plain,
            PredictionCachingScoringClient cached,
            int n,
            int runs,
            int warmup,
            double churn,
            long seed) {
        ScoringClient client = cached == null ? plain : cached;
        List<Candidate> batch = candidates(n, seed);
        Random rnd = new Random(seed);
        double cold = 0;
        double[] times = new double[runs];
        for (int run = -warmup; run < runs; run++) {
            if (run > -warmup && churn > 0) {
                churn(batch, churn, rnd);
            }
            long start = System.nanoTime();
            for (int from = 0; from < batch.size(); from += BATCH) {
                client.score(
                        "kidney",
                        new ScoreRequest(
                                batch.subList(from, Math.min(batch.size(), from + BATCH))));
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (run == -warmup) {
                cold = ms;
            }
            if (run >= 0) {
                times[run] = ms;
            }
        }
        if (cached == null) {
            return times;
        }
        double[] withCold = Arrays.copyOf(times, runs + 1);
        withCold[runs] = cold;
        return withCold;
    }

    /** A share of the candidates get new features (new pledges, updated labs). */
    private static void churn(List<Candidate> batch, double share, Random rnd) {
        int changes = (int) Math.round(batch.size() * share);
        for (int i = 0; i < changes; i++) {
            int at = rnd.nextInt(batch.size());
            Candidate c = batch.get(at);
            Map<String, Double> features = new HashMap<>(c.features());
            features.put("distance_km", 5 + rnd.nextDouble() * 1_500);
            batch.set(at, new Candidate(c.id(), features));
        }
    }

    /** Kidney candidates with the distribution of the synthetic training data. */
    private static List<Candidate> candidates(int n, long seed) {
        Dataset data = Dataset.synthetic(Organ.KIDNEY, n, 1_000 + seed);
        int width = data.columns();
        List<Candidate> out = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            Map<String, Double> features = new HashMap<>();
            for (int f = 0; f < width; f++) {
                features.put(data.features().get(f), (double) data.x()[row * width + f]);
            }
            out.add(new Candidate("pledge-" + row, features));
        }
        return out;
    }

    private static void awaitReady(URI url, Process scoring) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!scoring.isAlive()) {
                throw new IllegalStateException("the scoring target exited; see its log");
            }
            try {
                HttpResponse<String> ready =
                        http.send(
                                HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the scoring target was not ready within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
