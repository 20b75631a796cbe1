package org.ramsetu.infra.scoring.resilience;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ramsetu.infra.scoring.ScoringUnavailableException;

/**
 * Which failures of a scoring call are worth another attempt: the server could not be reached or
 * did not answer in time, or answered that it cannot serve now (502, 503, 504). A refusal of the
 * request itself (400, 404, 413) would be refused again, and a 500 is a fault, not a hiccup.
 */
final class TransientScoringFailures {

    // HttpScoringClient reports an unexpected status as "scoring answered <status>: <detail>".
    private static final Pattern STATUS = Pattern.compile("^scoring answered (\\d{3})\\b");

    private TransientScoringFailures() {}

    static boolean isTransient(Throwable failure) {
        if (!(failure instanceof ScoringUnavailableException unavailable)) {
            return false;
        }
        if (unavailable.getCause() instanceof IOException) {
            return true; // connection refused or reset, connect or request timeout
        }
        Matcher m = STATUS.matcher(String.valueOf(unavailable.getMessage()));
        if (m.find()) {
            int status = Integer.parseInt(m.group(1));
            return status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    /** Failures that say the scoring service is unwell (they count against the breaker). */
    static boolean isServerFailure(Throwable failure) {
        return failure instanceof ScoringUnavailableException;
    }
}
