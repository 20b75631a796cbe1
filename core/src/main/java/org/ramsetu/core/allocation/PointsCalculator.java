package org.ramsetu.core.allocation;

import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.Candidate;

/** A candidate's points under the organ's weights ({@link PointWeights}). */
final class PointsCalculator {

    private static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    private PointsCalculator() {}

    /**
     * @param ml the ML score, or NaN in a degraded run (its part is then dropped)
     */
    static Points of(PointWeights w, Candidate c, Organ organ, long asOfEpochSecond, double ml) {
        long waitedSeconds = Math.max(0, asOfEpochSecond - c.patient().listedAt().getEpochSecond());
        long waitingDays = waitedSeconds / 86_400;
        double waiting = w.waitingPerYear() * waitingDays * 86_400 / SECONDS_PER_YEAR;
        boolean kidney = organ == Organ.KIDNEY;
        double hlaPoints =
                kidney && c.eligibility().hlaMismatch() != null
                        ? HlaMatching.points(c.eligibility().hlaMismatch())
                        : Double.NaN;
        double hla = Double.isNaN(hlaPoints) ? 0 : w.hla() * hlaPoints / 400.0;
        int antigens = c.patient().unacceptableAntigens().antigens().size();
        double sensitisation =
                kidney
                        ? w.sensitisation()
                                * Math.min(1.0, antigens / (double) w.sensitisationFullAt())
                        : 0;
        double km = c.eligibility().distanceKm();
        double distance = w.distance() * Math.max(0, 1 - km / w.distanceCapKm());
        double mlPart = Double.isNaN(ml) ? 0 : w.ml() * ml;
        return new Points(
                waitingDays,
                waiting,
                hlaPoints,
                hla,
                antigens,
                sensitisation,
                km,
                distance,
                ml,
                mlPart,
                waiting + hla + sensitisation + distance + mlPart);
    }
}
