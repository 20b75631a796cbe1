package org.ramsetu.scoring.testing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.runtime.LoadedModel;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainedModel;
import org.ramsetu.scoring.training.TrainingParameters;

/** Small real models (a few thousand rows, 60 trees), trained once per test JVM. */
public final class TinyModels {

    public static final TrainingParameters PARAMETERS = new TrainingParameters(60, 2, 0.5, 2);
    private static final Map<Organ, TrainedModel> TRAINED = new EnumMap<>(Organ.class);

    private TinyModels() {}

    public static synchronized TrainedModel trained(Organ organ) {
        return TRAINED.computeIfAbsent(
                organ, o -> new ModelTrainer(PARAMETERS).train(Dataset.synthetic(o, 4_000, 7), 7));
    }

    public static LoadedModel loaded(Organ organ, String version) {
        TrainedModel model = trained(organ);
        ModelCard card =
                new ModelCard(
                        version,
                        Instant.parse("2026-11-27T10:00:00Z"),
                        organ.name().toLowerCase(),
                        model.features(),
                        4_000,
                        7,
                        model.metrics().asMap(),
                        PARAMETERS.asCardEntry(),
                        Map.of(),
                        ModelTrainer.ARTIFACT_FORMAT,
                        "0".repeat(64),
                        model.artifact().length,
                        0,
                        "test",
                        "synthetic");
        return LoadedModel.load(organ, card, model.artifact(), 1);
    }
}
