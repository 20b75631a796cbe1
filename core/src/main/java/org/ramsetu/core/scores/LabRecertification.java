package org.ramsetu.core.scores;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ramsetu.core.organ.Organ;

/**
 * How long a listing's laboratory values stay current before the transplant centre must report new
 * ones (recertify). For liver candidates the interval follows the MELD score, as in the OPTN MELD
 * recertification schedule (OPTN Policy 9.2 "Status and Score Assignments", table "MELD and PELD
 * Score Recertification Schedule"): the sicker the candidate, the more often the score must be
 * backed by fresh labs, because a stale low score hides a deteriorating patient and a stale high
 * score takes organs from others.
 *
 * <table>
 *   <caption>Liver (the higher of MELD-Na and MELD 3.0)</caption>
 *   <tr><th>MELD</th><th>labs valid for</th></tr>
 *   <tr><td>25 or more</td><td>7 days</td></tr>
 *   <tr><td>19–24</td><td>30 days</td></tr>
 *   <tr><td>11–18</td><td>90 days</td></tr>
 *   <tr><td>10 or less</td><td>365 days</td></tr>
 * </table>
 *
 * Other organs have no score-driven schedule in RamSetu; their values are due after {@code
 * otherOrgans} (a setting, a year by default: the annual work-up of a waiting candidate).
 *
 * @param otherOrgans how long the values of a kidney, heart or cornea listing stay current
 */
public record LabRecertification(Duration otherOrgans) {

    /** Where the liver table comes from; shown with every computed due date in the docs. */
    public static final String SOURCE = "OPTN Policy 9.2 MELD recertification schedule";

    public static final Duration DEFAULT_OTHER_ORGANS = Duration.ofDays(365);

    /** The liver table above with a year for other organs. */
    public static final LabRecertification STANDARD = new LabRecertification(DEFAULT_OTHER_ORGANS);

    public LabRecertification {
        Objects.requireNonNull(otherOrgans, "otherOrgans");
        if (otherOrgans.isNegative() || otherOrgans.isZero()) {
            throw new IllegalArgumentException(
                    "labs of other organs must stay valid for a positive time, got " + otherOrgans);
        }
    }

    /**
     * The MELD that picks a liver listing's band: the higher of MELD-Na and MELD 3.0, so that the
     * stricter band applies whichever score the allocation policy uses; null when neither is there
     * (other organs).
     */
    public static Integer bandMeld(Integer meldNa, Integer meld3) {
        if (meldNa == null || meld3 == null) {
            return meldNa == null ? meld3 : meldNa;
        }
        return Math.max(meldNa, meld3);
    }

    /** How long a liver candidate's labs stay current at this MELD (6–40). */
    public static Duration liverValidity(int meld) {
        if (meld >= 25) {
            return Duration.ofDays(7);
        }
        if (meld >= 19) {
            return Duration.ofDays(30);
        }
        if (meld >= 11) {
            return Duration.ofDays(90);
        }
        return Duration.ofDays(365);
    }

    /**
     * How long the labs of a listing stay current.
     *
     * @param meld the liver candidate's MELD (the higher of MELD-Na and MELD 3.0, so that the
     *     stricter band applies whichever the allocation policy uses); ignored for other organs
     * @throws IllegalArgumentException for a liver listing without a MELD
     */
    public Duration validity(Organ organ, Integer meld) {
        Objects.requireNonNull(organ, "organ");
        if (organ == Organ.LIVER) {
            if (meld == null) {
                throw new IllegalArgumentException("a liver listing needs its MELD score");
            }
            return liverValidity(meld);
        }
        return otherOrgans;
    }

    /** When labs reported at {@code reportedAt} must be replaced by new ones. */
    public Instant dueAt(Organ organ, Integer meld, Instant reportedAt) {
        Objects.requireNonNull(reportedAt, "reportedAt");
        return reportedAt.plus(validity(organ, meld));
    }
}
