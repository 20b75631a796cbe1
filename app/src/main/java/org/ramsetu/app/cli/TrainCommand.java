package org.ramsetu.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.HeldOutMetrics;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainedModel;
import org.ramsetu.scoring.training.TrainingCsvReader;
import org.ramsetu.scoring.training.TrainingParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ramsetu train}: trains gradient-boosted models, measures them on a held-out 20 % and
 * registers each (artifact + model card) where the model server finds it.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains an XGBoost model per organ (80/20 split), prints held-out metrics and",
            "registers the model and its card in the model registry ($RAMSETU_DATA_DIR/blobs or S3).",
            "A running server picks up the new version at its next refresh."
        })
public class TrainCommand extends ScoringCommandSupport implements Callable<Integer> {

    @Option(
            names = "--organ",
            paramLabel = "ORGAN",
            converter = OrganConverter.class,
            description = "kidney, liver, heart or cornea. Default: all four.")
    Organ organ;

    @Option(
            names = "--rows",
            defaultValue = "100000",
            paramLabel = "N",
            description =
                    "Synthetic pairs per organ (train + held-out). Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(
            names = "--seed",
            defaultValue = "7",
            paramLabel = "S",
            description = "Seed of the data, the split and XGBoost. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description =
                    "Train on this CSV (header with the features and match_score; at most --rows rows)"
                            + " instead of fresh synthetic pairs; needs --organ.")
    Path data;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            description = "Boosting rounds (trees). Default: 200; 1500 for the lowest error.")
    Integer rounds;

    @Option(names = "--depth", paramLabel = "D", description = "Depth of each tree. Default: 2.")
    Integer depth;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate. Default: 0.5.")
    Double eta;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 10) {
            throw new ParameterException(
                    spec.commandLine(), "--rows must be at least 10 (got " + rows + ")");
        }
        if (data != null && organ == null) {
            throw new ParameterException(
                    spec.commandLine(), "--data needs --organ (a file holds one organ's pairs)");
        }
        TrainingParameters parameters = TrainingParameters.defaults();
        if (rounds != null) {
            parameters = parameters.withRounds(rounds);
        }
        if (depth != null) {
            parameters = parameters.withMaxDepth(depth);
        }
        if (eta != null) {
            parameters = parameters.withLearningRate(eta);
        }
        ModelRegistry registry = registry();
        PrintWriter out = spec.commandLine().getOut();
        for (Organ o : organ == null ? List.of(Organ.values()) : List.of(organ)) {
            Dataset dataset =
                    data == null
                            ? Dataset.synthetic(o, rows, seed)
                            : TrainingCsvReader.read(data, FeatureSchema.names(o), rows);
            TrainedModel model = new ModelTrainer(parameters).train(dataset, seed);
            ModelCard card =
                    registry.register(
                            o,
                            model,
                            seed,
                            "ramsetu train",
                            data == null ? "synthetic" : data.getFileName().toString());
            print(out, card, model);
        }
        return 0;
    }

    private static void print(PrintWriter out, ModelCard card, TrainedModel model) {
        HeldOutMetrics m = model.metrics();
        out.printf(
                "%-6s %s  rows %,d (train %,d / held-out %,d)  %.1f s%n",
                card.organ(),
                card.version(),
                card.rows(),
                model.trainRows(),
                model.testRows(),
                card.trainingSeconds());
        out.printf(
                "       MAE %.5f  R² %.5f  at %.1f: accuracy %.4f precision %.4f recall %.4f F1 %.4f AUROC %.4f%n",
                m.mae(),
                m.r2(),
                HeldOutMetrics.THRESHOLD,
                m.accuracy(),
                m.precision(),
                m.recall(),
                m.f1(),
                m.auroc());
        out.printf(
                "       artifact sha256 %s (%,d bytes)%n",
                card.artifactSha256(), card.artifactBytes());
    }
}
