package org.ramsetu.platform.matching.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.eligibility.ReasonCode;
import org.ramsetu.core.geo.SearchBox;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.MatchPreparation;
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.core.ranking.RankingPolicy;
import org.ramsetu.core.ranking.RankingResult;
import org.ramsetu.core.ranking.RankingWeights;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.pledges.PledgeSearch;
import org.ramsetu.platform.registry.pledges.VerifiedPledge;
import org.ramsetu.platform.registry.pledges.VerifiedPledges;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.ramsetu.platform.registry.requests.TransplantRequests;

/**
 * The main job of the platform, up to the record: the verified pledges (of the organ, blood groups
 * the organ could allow, inside the reachable box) → the clinical core's hard filters and features
 * → ML scores by candidate id → the core's ranking. Runs outside any transaction: the scoring call
 * may take up to its time limit and must not hold a database connection meanwhile.
 */
class MatchCalculation {

    private final TransplantRequests requests;
    private final PatientProfiles profiles;
    private final VerifiedPledges pledges;
    private final MlScoring scoring;
    private final TransportSettings transport;
    private final RankingWeights weights;
    private final double heartWeightTolerance;
    private final int proposals;
    private final MatchPreparation preparation;
    private final RankingPolicy policy;
    private final Clock clock;

    MatchCalculation(
            TransplantRequests requests,
            PatientProfiles profiles,
            VerifiedPledges pledges,
            MlScoring scoring,
            TransportSettings transport,
            RankingWeights weights,
            double heartWeightTolerance,
            int proposals,
            Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.pledges = pledges;
        this.scoring = scoring;
        this.transport = transport;
        this.weights = weights;
        this.heartWeightTolerance = heartWeightTolerance;
        this.proposals = proposals;
        this.preparation =
                new MatchPreparation(new EligibilityRules(transport, heartWeightTolerance));
        this.policy = new RankingPolicy(weights);
        this.clock = clock;
    }

    /** The same calculation, its scoring calls made (and counted) through {@code other}. */
    MatchCalculation scoringThrough(MlScoring other) {
        return new MatchCalculation(
                requests,
                profiles,
                pledges,
                other,
                transport,
                weights,
                heartWeightTolerance,
                proposals,
                clock);
    }

    /**
     * @throws DomainException NotFound for an unknown request
     */
    TransplantRequest request(UUID id) {
        return requests.find(new RequestId(id))
                .orElseThrow(() -> new NotFound("transplant request", id));
    }

    /**
     * The verified pledges behind the proposals: the record names their versions and donors. A
     * prepared candidate holds the very offer it was prepared from, so each is found by comparing
     * references along the offers (one array, no pledge or id touched), stopping once all are.
     *
     * @param pledges the pledge of each offer, in the same order
     */
    private static Map<String, VerifiedPledge> proposedPledges(
            List<Candidate> proposed, List<DonorOffer> offers, List<VerifiedPledge> pledges) {
        DonorOffer[] wanted = new DonorOffer[proposed.size()];
        for (int j = 0; j < wanted.length; j++) {
            wanted[j] = proposed.get(j).donor();
        }
        Map<String, VerifiedPledge> byId = new HashMap<>();
        for (int i = 0; i < offers.size() && byId.size() < wanted.length; i++) {
            DonorOffer offer = offers.get(i);
            for (DonorOffer w : wanted) {
                if (w == offer) {
                    byId.put(offer.donorId(), pledges.get(i));
                }
            }
        }
        if (byId.size() < wanted.length) {
            throw new IllegalStateException(
                    "a proposed candidate's offer is not among the offers it was prepared from");
        }
        return byId;
    }

    Calculation calculate(TransplantRequest request) {
        long started = System.nanoTime();
        Instant asOf = Sql.now(clock);
        RequestFacts facts =
                RequestFacts.of(
                        request,
                        profiles.find(new AccountId(request.patientId()))
                                .orElseThrow(
                                        () ->
                                                new Conflict(
                                                        "profile-required",
                                                        "the patient of request "
                                                                + request.id()
                                                                + " has no profile; matching needs"
                                                                + " their blood group and hospital")),
                        requests.centreCoordinates(request),
                        asOf);
        Organ organ = request.organ();
        double reach = SearchBox.reachKm(organ, transport);
        PledgeSearch search =
                pledges.find(
                        organ,
                        DonorGroups.allowed(organ, facts.patient().bloodGroup().abo()),
                        SearchBox.around(facts.patient().hospital(), reach),
                        asOf);
        // Only a zero-mismatch typing lets kidney pledges of some groups through (O→A/B/AB,
        // B→AB), and most are not: they are counted, not assessed and listed one by one.
        List<DonorOffer> offers = new ArrayList<>(search.found().size());
        List<VerifiedPledge> offered = new ArrayList<>(search.found().size());
        int aboIncompatible = 0;
        for (VerifiedPledge pledge : search.found()) {
            DonorOffer offer = pledge.offer();
            if (EligibilityRules.aboAllows(
                    organ, offer.bloodGroup(), offer.hla(), facts.patient())) {
                offers.add(offer);
                offered.add(pledge);
            } else {
                aboIncompatible++;
            }
        }
        Map<String, Integer> counted = new LinkedHashMap<>(search.setAside());
        counted.put(ReasonCode.ABO_INCOMPATIBLE.name(), aboIncompatible);
        PreparedRun prepared = preparation.forPatient(facts.patient(), offers, asOf);
        MlScoring.Outcome outcome = scoring.score(organ, prepared);
        RankingResult ranking = policy.rank(prepared, outcome.scores());
        RunSettings settings =
                new RunSettings(proposals, reach, weights, transport, heartWeightTolerance);
        List<Candidate> best = best(prepared, ranking, proposals);
        Map<CandidateId, Map<String, Double>> contributions = Map.of();
        String cause = null;
        if (ranking.degraded()) {
            cause =
                    outcome.unavailableReason() != null
                            ? outcome.unavailableReason()
                            : "the ML score was missing for some candidates";
        } else {
            contributions = scoring.contributions(organ, best, ranking.modelVersion());
        }
        return new Calculation(
                facts,
                asOf,
                ranking,
                cause,
                proposedPledges(best, offers, offered),
                counted,
                contributions,
                settings,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The prepared candidates of the best {@code count} ranked, best first. A ranked candidate
     * carries the very id object of the prepared candidate it was ranked from, so they are found by
     * reference in one pass over the prepared list, without hashing 10⁵ ids (a map of them took 3 %
     * of a warm kidney run's CPU samples).
     */
    private static List<Candidate> best(PreparedRun prepared, RankingResult ranking, int count) {
        List<RankedCandidate> top =
                ranking.ranked().subList(0, Math.min(count, ranking.ranked().size()));
        Candidate[] best = new Candidate[top.size()];
        CandidateId[] ids = new CandidateId[best.length];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = top.get(j).id();
        }
        int found = 0;
        List<Candidate> eligible = prepared.eligible();
        for (int i = 0; i < eligible.size() && found < best.length; i++) {
            Candidate c = eligible.get(i);
            for (int j = 0; j < best.length; j++) {
                if (best[j] == null && ids[j] == c.id()) {
                    best[j] = c;
                    found++;
                }
            }
        }
        if (found < best.length) {
            throw new IllegalStateException(
                    "a ranked candidate is not among the prepared candidates it was ranked from");
        }
        return List.of(best);
    }
}
