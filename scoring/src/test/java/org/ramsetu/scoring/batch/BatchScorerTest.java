package org.ramsetu.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.data.PairCsvWriter;
import org.ramsetu.scoring.data.SyntheticPairs;
import org.ramsetu.scoring.runtime.LoadedModel;
import org.ramsetu.scoring.testing.TinyModels;

class BatchScorerTest {

    @TempDir Path dir;
    private final LoadedModel model = TinyModels.loaded(Organ.KIDNEY, "v1");

    @Test
    void scoresEveryRowAcrossChunksKeepingTheInputColumnsAndReportsProgress() throws IOException {
        Path in = dir.resolve("in.csv");
        long rows = BatchScorer.CHUNK_ROWS + 1_000;
        try (var writer = Files.newBufferedWriter(in)) {
            PairCsvWriter.write(new SyntheticPairs(Organ.KIDNEY, 1), rows, writer);
        }
        List<Long> progress = new ArrayList<>();

        long scored =
                new BatchScorer(model)
                        .score(in, dir.resolve("out.csv"), (r, read, total) -> progress.add(r));

        assertThat(scored).isEqualTo(rows);
        assertThat(progress).containsExactly((long) BatchScorer.CHUNK_ROWS, rows);
        try (Stream<String> lines = Files.lines(dir.resolve("out.csv"))) {
            List<String> out = lines.toList();
            assertThat(out.get(0)).endsWith(",match_score,score");
            assertThat(out).hasSize((int) rows + 1);
            // Each row keeps its input and gains a score close to its own target.
            String[] cells = out.get(5).split(",");
            assertThat(Double.parseDouble(cells[7]))
                    .isCloseTo(
                            Double.parseDouble(cells[6]),
                            org.assertj.core.api.Assertions.within(0.05));
        }
    }

    @Test
    void findsFeaturesByHeaderNameInAnyColumnOrder() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(
                in,
                "id,urgency_level,distance_km,cardiac_score,imaging_score,renal_score,hla_score\n"
                        + "p1,3,120.5,0.9,0.8,0.9,0.9\n");

        new BatchScorer(model).score(in, dir.resolve("out.csv"), (r, read, total) -> {});

        float expected = model.predict(new float[] {0.9f, 0.9f, 0.8f, 0.9f, 120.5f, 3f}, 1)[0];
        String line = Files.readAllLines(dir.resolve("out.csv")).get(1);
        assertThat(line).startsWith("p1,3,120.5,");
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)))
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aMalformedRowFailsNamingItsLineAndLeavesNoOutputBehind() throws IOException {
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "the previous output\n");
        Files.writeString(
                in,
                "hla_score,renal_score,imaging_score,cardiac_score,distance_km,urgency_level\n"
                        + "0.9,0.9,0.8,0.9,120.5,3\n"
                        + "0.9,0.9,oops,0.9,120.5,3\n");

        assertThatThrownBy(() -> new BatchScorer(model).score(in, out, (r, read, total) -> {}))
                .isInstanceOf(BatchInputException.class)
                .hasMessage("line 3, column 'imaging_score': not a number: 'oops'");
        assertThat(Files.readString(out)).isEqualTo("the previous output\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("in.csv", "out.csv");
        }
    }

    @Test
    void namesMissingColumnsShortRowsAndOutOfRangeValues() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "hla_score,renal_score\n0.5,0.5\n");
        assertThatThrownBy(
                        () ->
                                new BatchScorer(model)
                                        .score(in, dir.resolve("o.csv"), (r, read, total) -> {}))
                .hasMessageContaining("line 1: the header has no column 'imaging_score'");

        Files.writeString(
                in,
                "hla_score,renal_score,imaging_score,cardiac_score,distance_km,urgency_level\n0.9,0.9\n");
        assertThatThrownBy(
                        () ->
                                new BatchScorer(model)
                                        .score(in, dir.resolve("o.csv"), (r, read, total) -> {}))
                .hasMessage("line 2: expected 6 values like the header, found 2");

        Files.writeString(
                in,
                "hla_score,renal_score,imaging_score,cardiac_score,distance_km,urgency_level\n0.9,0.9,0.9,0.9,10,9\n");
        assertThatThrownBy(
                        () ->
                                new BatchScorer(model)
                                        .score(in, dir.resolve("o.csv"), (r, read, total) -> {}))
                .hasMessageContaining("line 2, column 'urgency_level': must be between 1 and 5");
    }
}
