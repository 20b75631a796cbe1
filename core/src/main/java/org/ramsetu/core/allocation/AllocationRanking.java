package org.ramsetu.core.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ramsetu.core.Require;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.core.ranking.MatchPreparation;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.MeldScore;

/**
 * Ranks the waiting list for one donor organ under an {@link AllocationPolicy}: the same hard
 * filters and features as patient-side matching ({@link MatchPreparation#forDonor}), then the
 * organ's ordered groups, then points, then fixed tie-breakers (nearer, longer waiting, earlier
 * registration, request id), so the order is total and never depends on the input order.
 */
public final class AllocationRanking {

    private final MatchPreparation preparation;

    public AllocationRanking(EligibilityRules rules) {
        this.preparation = new MatchPreparation(Require.present("rules", rules));
    }

    /** Hard filters and features for every waiting request; the policy's MELD for livers. */
    public PreparedAllocation prepare(
            AllocationPolicy policy,
            AllocationDonor donor,
            List<WaitingRequest> waiting,
            Instant asOf) {
        Require.present("policy", policy);
        OrganRules rules = policy.rules(donor.offer().organ());
        List<PatientRequest> patients = new ArrayList<>(waiting.size());
        Map<String, Integer> epts = new HashMap<>();
        for (WaitingRequest w : waiting) {
            patients.add(w.request());
            if (w.eptsPercentile() != null) {
                epts.put(w.request().patientId(), w.eptsPercentile());
            }
        }
        PreparedRun run = preparation.forDonor(donor.offer(), patients, asOf);
        Map<String, MeldScore> meld = new HashMap<>();
        if (rules.meld() != null) {
            run = withMeld(run, rules.meld(), meld);
        }
        return new PreparedAllocation(policy, donor, run, epts, meld);
    }

    private static PreparedRun withMeld(
            PreparedRun run, MeldFormula formula, Map<String, MeldScore> meld) {
        List<Candidate> eligible = new ArrayList<>(run.eligible().size());
        List<ExcludedCandidate> excluded = new ArrayList<>(run.excluded());
        for (Candidate c : run.eligible()) {
            if (formula == MeldFormula.MELD_3 && c.patient().liverLabs().albuminGDl() == null) {
                excluded.add(
                        new ExcludedCandidate(
                                c.id(),
                                List.of(Exclusion.missing("patient albumin (for MELD 3.0)"))));
                continue;
            }
            meld.put(c.id().patientId(), formula.score(c.patient().liverLabs()));
            eligible.add(c);
        }
        return new PreparedRun(run.asOf(), eligible, excluded);
    }

    /**
     * @param scores ML scores by candidate id; when any eligible candidate has none, the whole list
     *     is ranked on the clinical policy alone and marked degraded
     */
    public AllocationResult rank(PreparedAllocation prepared, MlScores scores) {
        List<Candidate> eligible = prepared.run().eligible();
        boolean degraded = false;
        double[] ml = new double[eligible.size()];
        for (int i = 0; i < ml.length; i++) {
            ml[i] = scores.scoreOrNaN(eligible, i);
            degraded |= Double.isNaN(ml[i]);
        }
        Organ organ = prepared.donor().offer().organ();
        OrganRules rules = prepared.policy().rules(organ);
        Placements placements = new Placements(rules, prepared.donor().kdpiPercentile());
        long asOf = prepared.run().asOf().getEpochSecond();
        Keyed[] keyed = new Keyed[eligible.size()];
        for (int i = 0; i < keyed.length; i++) {
            Candidate c = eligible.get(i);
            String request = c.id().patientId();
            Integer epts = prepared.epts().get(request);
            MeldScore meld = prepared.meld().get(request);
            Points points =
                    PointsCalculator.of(
                            rules.points(), c, organ, asOf, degraded ? Double.NaN : ml[i]);
            keyed[i] = new Keyed(c, placements.of(c, epts, meld), points, epts, meld, rules);
        }
        Arrays.sort(keyed, AllocationRanking::compare);
        List<AllocatedCandidate> ranked = new ArrayList<>(keyed.length);
        for (int i = 0; i < keyed.length; i++) {
            Keyed k = keyed[i];
            ranked.add(
                    new AllocatedCandidate(
                            i + 1,
                            k.candidate.id(),
                            List.of(k.placements),
                            k.points,
                            k.candidate.eligibility().abo(),
                            k.candidate.eligibility().hlaMismatch(),
                            k.epts,
                            k.meld == null ? null : k.meld.score(),
                            k.candidate.tier().label(),
                            k.band,
                            k.candidate.eligibility().ischaemia(),
                            k.candidate.eligibility().nearIschaemiaLimit(),
                            k.candidate.features().imputations(),
                            degraded));
        }
        return new AllocationResult(
                ranked,
                prepared.run().excluded(),
                degraded,
                prepared.policy().id(),
                degraded || eligible.isEmpty() ? null : scores.modelVersion(),
                formulaVersions(organ, rules));
    }

    private static List<String> formulaVersions(Organ organ, OrganRules rules) {
        TreeSet<String> versions = new TreeSet<>();
        switch (organ) {
            case HEART -> versions.add("OPTN-Policy6-2018");
            case LIVER ->
                    versions.add(rules.meld() == MeldFormula.MELD_3 ? Meld.MELD_3 : Meld.MELD_NA);
            case KIDNEY -> versions.add(HlaMatching.POINTS_VERSION);
            case CORNEA -> {}
        }
        if (rules.groups().contains(GroupKey.URGENCY_LEVEL)) {
            versions.add("urgency-level");
        }
        return new ArrayList<>(versions);
    }

    private static int compare(Keyed x, Keyed y) {
        for (int g = 0; g < x.orders.length; g++) {
            int c = Integer.compare(x.orders[g], y.orders[g]);
            if (c != 0) {
                return c;
            }
        }
        int c = Double.compare(y.points.total(), x.points.total()); // more points first
        if (c != 0) {
            return c;
        }
        c = Double.compare(x.points.distanceKm(), y.points.distanceKm()); // nearer first
        if (c != 0) {
            return c;
        }
        c = x.candidate.patient().listedAt().compareTo(y.candidate.patient().listedAt());
        if (c != 0) {
            return c;
        }
        c = x.candidate.patient().registeredAt().compareTo(y.candidate.patient().registeredAt());
        return c != 0 ? c : x.candidate.id().compareTo(y.candidate.id());
    }

    /** A candidate with its sort keys, computed once before sorting. */
    private static final class Keyed {
        final Candidate candidate;
        final Placement[] placements;
        final int[] orders;
        final Points points;
        final Integer epts;
        final MeldScore meld;
        final int band;

        Keyed(
                Candidate candidate,
                Placement[] placements,
                Points points,
                Integer epts,
                MeldScore meld,
                OrganRules rules) {
            this.candidate = candidate;
            this.placements = placements;
            this.orders = new int[placements.length];
            for (int i = 0; i < placements.length; i++) {
                orders[i] = placements[i].order();
            }
            this.points = points;
            this.epts = epts;
            this.meld = meld;
            this.band = rules.band(candidate.eligibility().distanceKm());
        }
    }
}
