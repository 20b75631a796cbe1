package org.ramsetu.scoring.batch;

/** Told after every chunk of rows; {@code totalBytes} is the input's size (for a percentage). */
@FunctionalInterface
public interface BatchProgress {
    void scored(long rows, long bytesRead, long totalBytes);
}
