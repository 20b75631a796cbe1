package org.ramsetu.scoring.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongSupplier;
import org.ramsetu.scoring.runtime.FeatureRule;

/**
 * Reads and parses the input on its own thread, a chunk ahead of the scoring, so that parsing the
 * next chunk overlaps predicting and writing this one. At most {@link #AHEAD} parsed chunks wait in
 * the queue, which bounds memory whatever the file size.
 */
final class ChunkReader implements Runnable {

    static final int AHEAD = 2;

    /** Parsed rows; {@code n == 0} marks the end, {@code failure != null} a failure. */
    record Chunk(String[] lines, float[] x, int n, long bytesRead, RuntimeException failure) {}

    private final BufferedReader reader;
    private final InputLayout layout;
    private final List<FeatureRule> rules;
    private final int chunkRows;
    private final LongSupplier bytesRead;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean cancelled;

    ChunkReader(
            BufferedReader reader,
            InputLayout layout,
            List<FeatureRule> rules,
            int chunkRows,
            LongSupplier bytesRead) {
        this.reader = reader;
        this.layout = layout;
        this.rules = rules;
        this.chunkRows = chunkRows;
        this.bytesRead = bytesRead;
    }

    Chunk next() throws InterruptedException {
        return queue.take();
    }

    void cancel() {
        cancelled = true;
        queue.clear(); // unblocks a reader waiting to put
    }

    @Override
    public void run() {
        int width = rules.size();
        long lineNumber = 1;
        try {
            while (!cancelled) {
                String[] lines = new String[chunkRows];
                float[] x = new float[chunkRows * width];
                int n = 0;
                String line;
                while (n < chunkRows && (line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    layout.read(line, lineNumber, rules, x, n * width);
                    lines[n++] = line;
                }
                // The native call reads rows × width values: hand it an array of exactly that size.
                float[] rowsRead = n == chunkRows ? x : java.util.Arrays.copyOf(x, n * width);
                put(new Chunk(lines, rowsRead, n, bytesRead.getAsLong(), null));
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            put(new Chunk(null, null, 0, 0, new java.io.UncheckedIOException(e)));
        } catch (RuntimeException e) {
            put(new Chunk(null, null, 0, 0, e));
        }
    }

    private void put(Chunk chunk) {
        try {
            while (!cancelled
                    && !queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // wait for the scorer to take one, or for cancel()
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
