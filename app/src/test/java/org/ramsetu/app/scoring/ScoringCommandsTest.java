package org.ramsetu.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.app.cli.RamsetuCommand;

/** generate → train → score through the real command line, on a temporary data folder. */
class ScoringCommandsTest {

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Map.of("RAMSETU_DATA_DIR", dir.resolve("data").toString()))
                .execute(args);
    }

    @Test
    void generateTrainScoreRoundTrip() throws Exception {
        Path pairs = dir.resolve("kidney.csv");
        Path scored = dir.resolve("scored.csv");

        assertThat(
                        run(
                                "generate",
                                "--organ",
                                "kidney",
                                "--rows",
                                "3000",
                                "--out",
                                pairs.toString(),
                                "--seed",
                                "5"))
                .as(err.toString())
                .isZero();
        assertThat(Files.readAllLines(pairs)).hasSize(3001);

        assertThat(
                        run(
                                "train",
                                "--organ",
                                "kidney",
                                "--data",
                                pairs.toString(),
                                "--rows",
                                "3000",
                                "--rounds",
                                "40"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("kidney v")
                .contains("MAE")
                .contains("AUROC")
                .contains("artifact sha256");
        assertThat(dir.resolve("data/blobs")).isDirectory();

        assertThat(
                        run(
                                "score",
                                "--organ",
                                "kidney",
                                "--in",
                                pairs.toString(),
                                "--out",
                                scored.toString()))
                .as(err.toString())
                .isZero();
        List<String> lines = Files.readAllLines(scored);
        assertThat(lines).hasSize(3001);
        assertThat(lines.get(0)).endsWith(",match_score,score");
        assertThat(out.toString()).contains("scored 3,000 rows with kidney model v");
    }

    @Test
    void trainingSettingsReachTheModelCard() throws Exception {
        assertThat(
                        run(
                                "train",
                                "--organ",
                                "liver",
                                "--rows",
                                "2000",
                                "--rounds",
                                "25",
                                "--depth",
                                "3",
                                "--eta",
                                "0.4"))
                .as(err.toString())
                .isZero();

        try (var cards = Files.walk(dir.resolve("data/blobs"))) {
            Path card =
                    cards.filter(p -> p.toString().contains("card.json")).findFirst().orElseThrow();
            assertThat(Files.readString(card))
                    .contains("\"rounds\" : 25")
                    .contains("\"max_depth\" : 3")
                    .contains("\"eta\" : 0.4")
                    .contains("\"origin\" : \"ramsetu train\"");
        }
    }

    @Test
    void scoringAMalformedFileNamesTheLineAndWritesNothing() throws Exception {
        assertThat(run("train", "--organ", "cornea", "--rows", "2000", "--rounds", "20"))
                .as(err.toString())
                .isZero();
        Path in = dir.resolve("bad.csv");
        Files.writeString(
                in,
                "infection_score,eye_health_score,serology_score,distance_km,urgency_level\n"
                        + "0.5,0.5,0.5,10,3\n0.5,0.5,0.5,ten,3\n");

        int code =
                run(
                        "score",
                        "--organ",
                        "cornea",
                        "--in",
                        in.toString(),
                        "--out",
                        dir.resolve("o.csv").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("line 3, column 'distance_km': not a number: 'ten'");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void scoringWithoutATrainedModelSaysWhatToRun() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "x\n");

        int code =
                run(
                        "score",
                        "--organ",
                        "heart",
                        "--in",
                        in.toString(),
                        "--out",
                        dir.resolve("o.csv").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("no heart model registered; run 'ramsetu train --organ heart'");
    }

    @Test
    void anUnknownOrganIsAUsageError() {
        assertThat(
                        run(
                                "generate",
                                "--organ",
                                "lung",
                                "--rows",
                                "5",
                                "--out",
                                dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown organ 'lung'");
    }
}
