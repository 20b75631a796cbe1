package org.ramsetu.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.batch.BatchInputException;
import org.ramsetu.scoring.batch.BatchScorer;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.runtime.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ramsetu score}: batch scoring of a CSV with the registered model, in bounded memory, with
 * a progress bar on a terminal (periodic lines otherwise). The output appears only when complete.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores every row of a CSV (header naming the organ's features; other columns are kept)",
            "and writes it back with a 'score' column. Streams: any row count, bounded memory."
        })
public class ScoreCommand extends ScoringCommandSupport implements Callable<Integer> {

    @Option(
            names = "--organ",
            required = true,
            paramLabel = "ORGAN",
            converter = OrganConverter.class,
            description = "kidney, liver, heart or cornea.")
    Organ organ;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "CSV to score.")
    Path in;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "CSV to write (replaced when complete).")
    Path out;

    @Option(
            names = "--model-version",
            paramLabel = "VERSION",
            description = "Registered version to use. Default: the newest.")
    String version;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new ParameterException(
                    spec.commandLine(), "--in " + in + " is not a readable file");
        }
        ModelRegistry registry = registry();
        String name = organ.name().toLowerCase(java.util.Locale.ROOT);
        ModelCard card =
                registry.choose(organ, Optional.ofNullable(version))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no "
                                                        + name
                                                        + " model registered; run 'ramsetu train --organ "
                                                        + name
                                                        + "'"));
        LoadedModel model =
                LoadedModel.load(
                        organ,
                        card,
                        registry.artifact(card),
                        Runtime.getRuntime().availableProcessors());
        PrintWriter err = spec.commandLine().getErr();
        ProgressReport progress = ProgressReport.forConsole(err, System.console() != null);
        long start = System.nanoTime();
        long rows;
        try {
            rows = new BatchScorer(model).score(in, out, progress);
        } catch (BatchInputException e) {
            progress.abandon();
            err.println(
                    "ramsetu score: "
                            + in
                            + ": "
                            + e.getMessage()
                            + " (nothing written to "
                            + out
                            + ")");
            return 1;
        } finally {
            model.retire();
        }
        progress.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine()
                .getOut()
                .printf(
                        "scored %,d rows with %s model %s in %.2f s (%,.0f rows/s) -> %s%n",
                        rows, name, card.version(), seconds, rows / seconds, out);
        return 0;
    }
}
