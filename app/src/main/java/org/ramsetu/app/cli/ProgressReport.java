package org.ramsetu.app.cli;

import java.io.PrintWriter;
import org.ramsetu.scoring.batch.BatchProgress;

/**
 * Batch progress for a person: a bar redrawn in place on a terminal; elsewhere (logs, CI) a plain
 * line at most every few seconds, so a log never fills with carriage returns.
 */
final class ProgressReport implements BatchProgress {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final long BAR_EVERY_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private boolean drawn;

    private ProgressReport(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static ProgressReport forConsole(PrintWriter out, boolean terminal) {
        return new ProgressReport(out, terminal);
    }

    @Override
    public void scored(long rows, long bytesRead, long totalBytes) {
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        lastShown = now;
        double share = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        double rate = rows / ((now - start) / 1e9);
        if (terminal) {
            int filled = (int) Math.round(share * BAR_WIDTH);
            out.printf(
                    "\r[%s%s] %3.0f%%  %,d rows  %,.0f rows/s ",
                    "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), share * 100, rows, rate);
            drawn = true;
        } else {
            out.printf(
                    "scored %,d rows (%.0f%% of input), %,.0f rows/s%n", rows, share * 100, rate);
        }
        out.flush();
    }

    void finish() {
        if (drawn) {
            out.println();
        }
        out.flush();
    }

    void abandon() {
        finish();
    }
}
