package org.ramsetu.core.allocation.simulation;

import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.Meld;

/**
 * The deaths-on-list proxy: each waiting request has a daily hazard of dying on the list by its
 * urgency tier, derived from a published or assumed 90-day mortality p as −ln(1 − p) ÷ 90. The
 * simulation reports the expected deaths, Σ hazard × days each request spent on the list during the
 * simulated period (no random deaths, so policies compare without noise). Sources: liver, 3-month
 * waiting-list mortality by MELD (Wiesner et al., Gastroenterology 2003;124:91: &lt;10 1.9 %, 10–19
 * 6.0 %, 20–29 19.6 %, 30–39 52.6 %, ≥40 71.3 %); heart and kidney: RamSetu planning assumptions,
 * documented in docs/allocation.md (heart status 1 30 %, 2 20 %, 3 10 %, 4 6 %, 5 4 %, 6 2 %;
 * kidney urgency 1 1.5 %, 2 2 %, 3 3 %, 4 4 %, 5 6 %); corneas are not life-saving: 0.
 */
public final class DeathHazards {

    public static final String VERSION = "death-proxy/ramsetu-1";

    private static final double[] HEART_90D = {0.30, 0.20, 0.10, 0.06, 0.04, 0.02};
    private static final double[] KIDNEY_90D = {0.015, 0.02, 0.03, 0.04, 0.06};

    private DeathHazards() {}

    /** A tier label and its daily hazard. */
    public record Tier(String label, int order, double dailyHazard) {}

    public static Tier of(WaitingRequest w) {
        PatientRequest p = w.request();
        switch (p.organ()) {
            case HEART:
                if (p.heartStatus() == null || p.heartStatus().code() > 6) {
                    return new Tier("status 7 (inactive)", 7, 0);
                }
                int status = p.heartStatus().code();
                return new Tier("status " + status, status, daily(HEART_90D[status - 1]));
            case LIVER:
                if (p.liverLabs() == null) {
                    return new Tier("MELD unknown", 9, 0);
                }
                int meld = Meld.meldNa(p.liverLabs()).score();
                if (meld >= 40) {
                    return new Tier("MELD-Na ≥40", 0, daily(0.713));
                }
                if (meld >= 30) {
                    return new Tier("MELD-Na 30–39", 1, daily(0.526));
                }
                if (meld >= 20) {
                    return new Tier("MELD-Na 20–29", 2, daily(0.196));
                }
                if (meld >= 10) {
                    return new Tier("MELD-Na 10–19", 3, daily(0.060));
                }
                return new Tier("MELD-Na <10", 4, daily(0.019));
            case KIDNEY:
                int level = p.urgencyLevel();
                return new Tier("urgency " + level, 6 - level, daily(KIDNEY_90D[level - 1]));
            default:
                return new Tier("cornea (not life-saving)", 0, 0);
        }
    }

    private static double daily(double ninetyDayMortality) {
        return -Math.log(1 - ninetyDayMortality) / 90.0;
    }
}
