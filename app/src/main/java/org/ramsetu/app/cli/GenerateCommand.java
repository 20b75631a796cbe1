package org.ramsetu.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.batch.AtomicOutput;
import org.ramsetu.scoring.data.PairCsvWriter;
import org.ramsetu.scoring.data.SyntheticPairs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ramsetu generate}: seeded synthetic donor–patient pairs as CSV (docs/domain.md formulas).
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes seeded synthetic donor-patient pairs for one organ as CSV:",
            "the organ's features in model order, then match_score. Streams: any row count."
        })
public class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--organ",
            required = true,
            paramLabel = "ORGAN",
            converter = ScoringCommandSupport.OrganConverter.class,
            description = "kidney, liver, heart or cornea.")
    Organ organ;

    @Option(
            names = "--rows",
            required = true,
            paramLabel = "N",
            description = "Rows to write (>= 1).")
    long rows;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "CSV file to write (replaced when complete).")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "7",
            paramLabel = "S",
            description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--rows must be at least 1 (got " + rows + ")");
        }
        long start = System.nanoTime();
        Path temp = AtomicOutput.temporaryBeside(out);
        try {
            try (Writer writer =
                    new BufferedWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(temp), StandardCharsets.UTF_8),
                            1 << 16)) {
                PairCsvWriter.write(new SyntheticPairs(organ, seed), rows, writer);
            }
            AtomicOutput.moveIntoPlace(temp, out);
        } finally {
            Files.deleteIfExists(temp);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %,d %s pairs to %s (seed %d) in %.2f s%n",
                        rows, organ.name().toLowerCase(), out, seed, seconds);
        return 0;
    }
}
