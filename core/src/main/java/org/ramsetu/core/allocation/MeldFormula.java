package org.ramsetu.core.allocation;

import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.MeldScore;

/** Which MELD a liver policy orders by (docs/domain.md "Liver urgency"). */
public enum MeldFormula {
    MELD_NA {
        @Override
        public MeldScore score(LiverLabs labs) {
            return Meld.meldNa(labs);
        }
    },
    /** Needs albumin: a request without it is excluded with {@code MISSING_INPUT}. */
    MELD_3 {
        @Override
        public MeldScore score(LiverLabs labs) {
            return Meld.meld30(labs);
        }
    };

    public abstract MeldScore score(LiverLabs labs);
}
