package org.ramsetu.core.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.FeatureVector;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.organ.Organ;

/**
 * Orders eligible candidates: urgency tier (more urgent first), then for kidneys a pair with zero
 * HLA-A/B/DR mismatches before any other (OPTN Policy 8 gives 0-ABDR-mismatch candidates first
 * priority; allocation runs' {@code ZERO_MISMATCH} group does the same from the donor's side), then
 * ABO identical before compatible (kidney and liver policy), then the combined score, then longer
 * waiting, earlier registration and finally the candidate id, so the order is total and independent
 * of input order.
 */
public final class RankingPolicy {
    /** Version 2 put zero-mismatch kidney pairs first; version 1 ranked them by score alone. */
    public static final String VERSION = "ranking/ramsetu-2";

    private final RankingWeights weights;

    public RankingPolicy(RankingWeights weights) {
        this.weights = Require.present("weights", weights);
    }

    public RankingResult rank(PreparedRun run, MlScores scores) {
        List<Candidate> eligible = run.eligible();
        double[] ml = new double[eligible.size()];
        boolean degraded = false;
        for (int i = 0; i < ml.length; i++) {
            ml[i] = scores.scoreOrNaN(eligible, i);
            degraded |= Double.isNaN(ml[i]);
        }
        long asOf = run.asOf().getEpochSecond();
        // Eligible pairs all share the run's organ (ORGAN_MISMATCH excludes the rest).
        boolean kidney = !eligible.isEmpty() && eligible.get(0).donor().organ() == Organ.KIDNEY;
        Keyed[] keyed = new Keyed[ml.length];
        for (int i = 0; i < keyed.length; i++) {
            Candidate c = eligible.get(i);
            keyed[i] = new Keyed(c, components(c, kidney, asOf, degraded ? Double.NaN : ml[i]));
        }
        Arrays.sort(keyed, RankingPolicy::compare);
        List<RankedCandidate> ranked = new ArrayList<>(keyed.length);
        TreeSet<String> versions = new TreeSet<>();
        UrgencyTier lastTier = null;
        for (int i = 0; i < keyed.length; i++) {
            Keyed k = keyed[i];
            if (k.tier != lastTier) { // candidates of one patient share one tier object
                lastTier = k.tier;
                versions.add(lastTier.formulaVersion());
            }
            ranked.add(
                    new RankedCandidate(
                            i + 1,
                            k.id,
                            k.tier,
                            k.abo,
                            k.components,
                            k.nearLimit,
                            k.ischaemia,
                            k.imputations,
                            k.features,
                            degraded));
        }
        if (kidney) {
            versions.add(HlaMatching.POINTS_VERSION);
        }
        return new RankingResult(
                ranked,
                run.excluded(),
                degraded,
                VERSION,
                degraded ? null : scores.modelVersion(),
                new ArrayList<>(versions));
    }

    /**
     * @param ml the candidate's ML score, or NaN in a degraded run
     */
    private ScoreComponents components(
            Candidate c, boolean kidney, long asOfEpochSecond, double ml) {
        boolean degraded = Double.isNaN(ml);
        double hla = kidney ? HlaMatching.points(c.eligibility().hlaMismatch()) : Double.NaN;
        long waitingDays =
                Math.max(0, (asOfEpochSecond - c.patient().listedAt().getEpochSecond()) / 86_400);
        double distance = c.eligibility().distanceKm();
        double wMl = degraded ? 0 : weights.ml();
        double wHla = kidney ? weights.hla() : 0;
        double total = wMl + wHla + weights.waiting() + weights.distance();
        wMl /= total;
        wHla /= total;
        double wWait = weights.waiting() / total;
        double wDist = weights.distance() / total;
        double combined =
                (degraded ? 0 : wMl * ml)
                        + (kidney ? wHla * hla / 400.0 : 0)
                        + wWait * Math.min(1.0, waitingDays / weights.waitingCapDays())
                        + wDist * (1.0 - Math.min(1.0, distance / weights.distanceCapKm()));
        return new ScoreComponents(
                ml, hla, waitingDays, distance, wMl, wHla, wWait, wDist, combined);
    }

    private static int compare(Keyed x, Keyed y) {
        int c = Integer.compare(y.tierRank, x.tierRank); // more urgent first
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(y.zeroMismatchKidney, x.zeroMismatchKidney); // 0-ABDR first
        if (c != 0) {
            return c;
        }
        c = Integer.compare(x.aboPriority, y.aboPriority); // identical before compatible
        if (c != 0) {
            return c;
        }
        c = Double.compare(y.components.combined(), x.components.combined());
        if (c != 0) {
            return c;
        }
        c = Long.compare(x.listedAt, y.listedAt); // longer wait first
        if (c != 0) {
            return c;
        }
        c = Long.compare(x.patientRegistered, y.patientRegistered);
        if (c != 0) {
            return c;
        }
        c = Long.compare(x.donorRegistered, y.donorRegistered);
        return c != 0 ? c : x.id.compareTo(y.id);
    }

    /**
     * Everything the sort and the result need, copied while candidates are read in order: after
     * sorting, reaching back into each candidate's object graph in random order cost more cache
     * misses than the sort itself.
     */
    private static final class Keyed {
        final CandidateId id;
        final UrgencyTier tier;
        final AboMatch abo;
        final ScoreComponents components;
        final boolean nearLimit;
        final IschaemiaAssessment ischaemia;
        final List<Imputation> imputations;
        final FeatureVector features;
        final int tierRank;
        final int aboPriority;
        final boolean zeroMismatchKidney;
        final long listedAt;
        final long patientRegistered;
        final long donorRegistered;

        Keyed(Candidate c, ScoreComponents s) {
            id = c.id();
            tier = c.tier();
            abo = c.eligibility().abo();
            components = s;
            nearLimit = c.eligibility().nearIschaemiaLimit();
            ischaemia = c.eligibility().ischaemia();
            imputations = c.features().imputations();
            features = c.features().vector();
            tierRank = tier.rank();
            aboPriority = abo.priority();
            HlaMismatch mismatch = c.eligibility().hlaMismatch();
            zeroMismatchKidney =
                    c.donor().organ() == Organ.KIDNEY && mismatch != null && mismatch.isZero();
            listedAt = nanos(c.patient().listedAt());
            patientRegistered = nanos(c.patient().registeredAt());
            donorRegistered = nanos(c.donor().registeredAt());
        }

        // Instants on requests and offers are validated to 1900–2200, so this cannot overflow.
        private static long nanos(Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }
}
