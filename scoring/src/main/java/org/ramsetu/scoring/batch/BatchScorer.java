package org.ramsetu.scoring.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ramsetu.scoring.data.Decimals;
import org.ramsetu.scoring.runtime.FeatureRule;
import org.ramsetu.scoring.runtime.LoadedModel;

/**
 * Scores a CSV file of any length in bounded memory: rows are read, checked and scored a chunk at a
 * time (one native call per chunk), and each input line is written back with a {@code score} column
 * appended. The output is written to a temporary file beside the target and moved into place only
 * when every row has been scored, so a failure never leaves a partial output.
 */
public final class BatchScorer {

    public static final String SCORE_COLUMN = "score";
    static final int CHUNK_ROWS = 65_536;

    private final LoadedModel model;

    public BatchScorer(LoadedModel model) {
        this.model = model;
    }

    /** Returns the number of rows scored. */
    public long score(Path in, Path out, BatchProgress progress) throws IOException {
        Path temp = AtomicOutput.temporaryBeside(out);
        try {
            long rows;
            long total = Files.size(in);
            try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(in));
                    BufferedReader reader =
                            new BufferedReader(
                                    new InputStreamReader(counted, StandardCharsets.UTF_8),
                                    1 << 16);
                    Writer writer =
                            new BufferedWriter(
                                    new OutputStreamWriter(
                                            Files.newOutputStream(temp), StandardCharsets.UTF_8),
                                    1 << 16)) {
                rows = scoreAll(reader, writer, () -> counted.count, total, progress);
            }
            AtomicOutput.moveIntoPlace(temp, out);
            return rows;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long scoreAll(
            BufferedReader reader,
            Writer writer,
            java.util.function.LongSupplier bytesRead,
            long total,
            BatchProgress progress)
            throws IOException {
        String header = reader.readLine();
        if (header == null) {
            throw new BatchInputException("line 1: the file is empty (expected a header row)");
        }
        InputLayout layout = InputLayout.of(header, model.features());
        writer.write(header.stripTrailing());
        writer.write("," + SCORE_COLUMN + "\n");
        List<FeatureRule> rules = model.features().stream().map(FeatureRule::of).toList();
        ChunkReader chunks = new ChunkReader(reader, layout, rules, CHUNK_ROWS, bytesRead);
        Thread parsing = new Thread(chunks, "batch-parse");
        parsing.setDaemon(true);
        parsing.start();
        long rows = 0;
        StringBuilder text = new StringBuilder(64);
        try {
            while (true) {
                ChunkReader.Chunk chunk = chunks.next();
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
                int n = chunk.n();
                if (n == 0) {
                    break;
                }
                float[] scores = model.predict(chunk.x(), n);
                String[] lines = chunk.lines();
                for (int i = 0; i < n; i++) {
                    text.setLength(0);
                    text.append(lines[i]).append(',');
                    Decimals.append(text, scores[i], 6).append('\n');
                    writer.append(text);
                }
                rows += n;
                progress.scored(rows, chunk.bytesRead(), total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("batch scoring interrupted");
        } finally {
            chunks.cancel();
        }
        return rows;
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }
    }
}
