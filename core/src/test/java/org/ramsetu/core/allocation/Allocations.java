package org.ramsetu.core.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.fixtures.Fixtures;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;

/**
 * Hand-worked allocation scenarios: the policy below (the same numbers as the platform's {@code
 * allocation/ramsetu-2026-1}), a donor in Pune, and requests at named hospitals. Distances from
 * Pune: Mumbai ≈ 120 km, Chennai ≈ 910 km, Delhi ≈ 1,170 km.
 */
final class Allocations {

    static final Instant AS_OF = Fixtures.AS_OF;

    static final OrganRules HEART =
            new OrganRules(
                    Organ.HEART,
                    List.of(GroupKey.STATUS_TIER, GroupKey.DISTANCE_BAND),
                    List.of(250.0, 500.0, 1000.0, 1500.0),
                    null,
                    null,
                    new PointWeights(50, 0, 0, 10, 20, 1500, 30));
    static final OrganRules LIVER =
            new OrganRules(
                    Organ.LIVER,
                    List.of(GroupKey.DISTANCE_BAND, GroupKey.MELD, GroupKey.ABO_IDENTICAL),
                    List.of(250.0, 750.0, 1500.0),
                    MeldFormula.MELD_NA,
                    null,
                    new PointWeights(20, 0, 0, 10, 20, 1500, 30));
    static final OrganRules KIDNEY =
            new OrganRules(
                    Organ.KIDNEY,
                    List.of(GroupKey.ZERO_MISMATCH, GroupKey.LONGEVITY),
                    List.of(),
                    null,
                    new Longevity(20, 20),
                    new PointWeights(100, 100, 50, 10, 30, 1500, 50));
    static final OrganRules CORNEA =
            new OrganRules(
                    Organ.CORNEA,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    new PointWeights(100, 0, 0, 10, 0, 1500, 0));

    static final AllocationPolicy POLICY =
            new AllocationPolicy(
                    "allocation/test-1",
                    "hand-worked scenarios",
                    Map.of(
                            Organ.HEART, HEART,
                            Organ.LIVER, LIVER,
                            Organ.KIDNEY, KIDNEY,
                            Organ.CORNEA, CORNEA));

    static final AllocationRanking RANKING = new AllocationRanking(EligibilityRules.defaults());

    private Allocations() {}

    static AllocationPolicy with(OrganRules rules) {
        Map<Organ, OrganRules> organs = new HashMap<>(POLICY.organs());
        organs.put(rules.organ(), rules);
        return new AllocationPolicy("allocation/test-2", "variant", organs);
    }

    /** A request listed {@code waitedDays} before {@link #AS_OF}. */
    static PatientRequest request(
            String id,
            Organ organ,
            String blood,
            Coordinates at,
            int waitedDays,
            HeartStatus status,
            LiverLabs labs,
            HlaTyping hla,
            UnacceptableAntigens unacceptable) {
        Instant listed = AS_OF.minus(Duration.ofDays(waitedDays));
        return new PatientRequest(
                id,
                organ,
                BloodGroup.parse(blood),
                hla,
                unacceptable,
                at,
                3,
                status,
                labs,
                new BodySize(40, Sex.MALE, 178, 80),
                listed,
                listed);
    }

    static WaitingRequest heart(String id, HeartStatus status, Coordinates at, int waitedDays) {
        return new WaitingRequest(
                request(
                        id,
                        Organ.HEART,
                        "O+",
                        at,
                        waitedDays,
                        status,
                        null,
                        Fixtures.TYPING,
                        UnacceptableAntigens.NONE),
                null);
    }

    static WaitingRequest liver(
            String id, String blood, LiverLabs labs, Coordinates at, int waitedDays) {
        return new WaitingRequest(
                request(
                        id,
                        Organ.LIVER,
                        blood,
                        at,
                        waitedDays,
                        null,
                        labs,
                        Fixtures.TYPING,
                        UnacceptableAntigens.NONE),
                null);
    }

    /** Liver labs whose MELD-Na is {@code meld} (sodium 137: MELD-Na = MELD(i)). */
    static LiverLabs labsForMeld(int meld) {
        // MELD(i) = 10·(1.120·ln(INR) + 0.643) with bilirubin and creatinine at 1.0.
        double inr = Math.exp((meld / 10.0 - 0.643) / 1.120);
        return new LiverLabs(1.0, inr, 1.0, 137, 3.5, false, Sex.MALE);
    }

    static WaitingRequest kidney(
            String id,
            HlaTyping hla,
            Integer epts,
            Coordinates at,
            int waitedDays,
            String... unacceptable) {
        return new WaitingRequest(
                request(
                        id,
                        Organ.KIDNEY,
                        "A+",
                        at,
                        waitedDays,
                        null,
                        null,
                        hla,
                        UnacceptableAntigens.of(unacceptable)),
                epts);
    }

    static WaitingRequest cornea(String id, Coordinates at, int waitedDays) {
        return new WaitingRequest(
                request(
                        id,
                        Organ.CORNEA,
                        "O+",
                        at,
                        waitedDays,
                        null,
                        null,
                        Fixtures.TYPING,
                        UnacceptableAntigens.NONE),
                null);
    }

    static AllocationDonor donor(Organ organ, String blood, Integer kdpi) {
        return new AllocationDonor(Fixtures.donor("D1", organ, blood), kdpi);
    }

    /** Every eligible candidate scored {@code score}: ML cannot reorder anyone. */
    static AllocationResult rank(
            AllocationPolicy policy, AllocationDonor donor, List<WaitingRequest> waiting) {
        PreparedAllocation prepared = RANKING.prepare(policy, donor, waiting, AS_OF);
        return RANKING.rank(prepared, uniform(prepared, 0.5));
    }

    static MlScores uniform(PreparedAllocation prepared, double score) {
        Map<CandidateId, Double> scores = new HashMap<>();
        for (Candidate c : prepared.run().eligible()) {
            scores.put(c.id(), score);
        }
        return MlScores.of(scores, "test-model");
    }

    /** Request ids best first. */
    static List<String> order(AllocationResult result) {
        List<String> ids = new ArrayList<>();
        result.ranked().forEach(c -> ids.add(c.id().patientId()));
        return ids;
    }
}
