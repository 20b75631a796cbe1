package org.ramsetu.scoring.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;

/**
 * The scoring meters, in one place: latency per organ and endpoint (histogram, so Prometheus can
 * compute any percentile across instances), candidates scored, the model version in service (an
 * info gauge: 1 for the loaded version), and how long loading and warming took.
 */
public final class ScoringMetrics {

    private final MeterRegistry registry;
    private final MultiGauge modelInfo;

    public ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.modelInfo =
                MultiGauge.builder("ramsetu.scoring.model.info")
                        .description("The model version in service per organ (value 1)")
                        .register(registry);
    }

    /** Runs one scoring call, recording its latency and, when it succeeds, its candidates. */
    public <T> T time(Organ organ, String endpoint, int candidates, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            Counter.builder("ramsetu.scoring.candidates")
                    .description("Candidates scored")
                    .tags("organ", Organs.name(organ), "endpoint", endpoint)
                    .register(registry)
                    .increment(candidates);
            return result;
        } finally {
            Timer.builder("ramsetu.scoring.latency")
                    .description("Time to score one call, from validated input to results")
                    .tags("organ", Organs.name(organ), "endpoint", endpoint, "outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Records the time to load ({@code phase=load}) or warm up ({@code phase=warmup}) a model. */
    public void modelPhase(Organ organ, String phase, Duration took) {
        Timer.builder("ramsetu.scoring.model.load")
                .description("Time to load a model from the registry, or to warm it up")
                .tags("organ", Organs.name(organ), "phase", phase)
                .register(registry)
                .record(took);
    }

    /** Publishes the versions in service now (replacing the previous set). */
    public void modelsInService(List<ModelCard> cards) {
        modelInfo.register(
                cards.stream()
                        .map(
                                card ->
                                        MultiGauge.Row.of(
                                                Tags.of(
                                                        "organ",
                                                        card.organ(),
                                                        "version",
                                                        card.version()),
                                                1))
                        .toList(),
                true);
    }
}
