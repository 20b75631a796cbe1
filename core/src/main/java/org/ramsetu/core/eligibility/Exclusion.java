package org.ramsetu.core.eligibility;

import org.ramsetu.core.Require;

/** One failed hard filter, with specifics a coordinator can act on. */
public record Exclusion(ReasonCode code, String detail) {
    public Exclusion {
        Require.present("code", code);
        Require.nonBlank("detail", detail);
    }

    public static Exclusion missing(String input) {
        return new Exclusion(ReasonCode.MISSING_INPUT, input + " is missing");
    }
}
