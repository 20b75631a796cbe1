package org.ramsetu.core.ranking;

import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.eligibility.EligibilityResult;
import org.ramsetu.core.features.FeatureResult;
import org.ramsetu.core.patient.PatientRequest;

/** An eligible pair with its features and urgency tier, ready for scoring and ranking. */
public record Candidate(
        CandidateId id,
        DonorOffer donor,
        PatientRequest patient,
        EligibilityResult eligibility,
        FeatureResult features,
        UrgencyTier tier) {}
