package org.ramsetu.core.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.Require;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.eligibility.EligibilityResult;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.features.FeatureExtractor;
import org.ramsetu.core.features.FeatureResult;
import org.ramsetu.core.patient.PatientRequest;

/**
 * Hard filters then features, for one patient against many donors or one donor against many
 * patients.
 */
public final class MatchPreparation {
    private final EligibilityRules rules;

    public MatchPreparation(EligibilityRules rules) {
        this.rules = Require.present("rules", rules);
    }

    public PreparedRun forPatient(PatientRequest patient, List<DonorOffer> donors, Instant asOf) {
        List<Candidate> eligible = new ArrayList<>(donors.size());
        List<ExcludedCandidate> excluded = new ArrayList<>();
        UrgencyTier[] tier = new UrgencyTier[1]; // computed once, only if someone is eligible
        for (DonorOffer donor : donors) {
            add(donor, patient, tier, eligible, excluded);
        }
        return new PreparedRun(asOf, eligible, excluded);
    }

    public PreparedRun forDonor(DonorOffer donor, List<PatientRequest> patients, Instant asOf) {
        List<Candidate> eligible = new ArrayList<>(patients.size());
        List<ExcludedCandidate> excluded = new ArrayList<>();
        for (PatientRequest patient : patients) {
            add(donor, patient, new UrgencyTier[1], eligible, excluded);
        }
        return new PreparedRun(asOf, eligible, excluded);
    }

    private void add(
            DonorOffer donor,
            PatientRequest patient,
            UrgencyTier[] tier,
            List<Candidate> eligible,
            List<ExcludedCandidate> excluded) {
        CandidateId id = new CandidateId(patient.patientId(), donor.donorId());
        EligibilityResult e = rules.assess(donor, patient);
        if (!e.eligible()) {
            excluded.add(new ExcludedCandidate(id, e.exclusions()));
            return;
        }
        FeatureResult f = FeatureExtractor.extract(donor, patient, e);
        if (!f.complete()) {
            List<Exclusion> all = new ArrayList<>(e.exclusions());
            all.addAll(f.exclusions());
            excluded.add(new ExcludedCandidate(id, all));
            return;
        }
        if (tier[0] == null) {
            tier[0] = UrgencyTier.of(patient);
        }
        eligible.add(new Candidate(id, donor, patient, e, f, tier[0]));
    }
}
