package org.ramsetu.core.scores;

import org.ramsetu.core.Require;

/**
 * A MELD-family score (6–40) with the formula that produced it.
 *
 * @param meldI the intermediate MELD(i) for MELD-Na; {@code NaN} for MELD 3.0
 */
public record MeldScore(int score, double meldI, String formulaVersion) {
    public MeldScore {
        Require.inRange("meld", score, 6, 40, "");
        Require.nonBlank("formulaVersion", formulaVersion);
    }
}
