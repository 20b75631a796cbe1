package org.ramsetu.scoring.batch;

/** The input file cannot be scored; the message names the line (1 = the header) and column. */
public final class BatchInputException extends RuntimeException {
    public BatchInputException(String message) {
        super(message);
    }
}
