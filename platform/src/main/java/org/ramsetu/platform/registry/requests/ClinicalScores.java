package org.ramsetu.platform.registry.requests;

import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.MeldScore;
import org.springframework.modulith.NamedInterface;

/**
 * The scores computed at listing, each carrying the version of its formula. Which are present
 * depends on the organ: MELD-Na and MELD 3.0 for livers, EPTS for adult kidney candidates, the
 * status tier for hearts, none for corneas.
 */
@NamedInterface("requests")
public record ClinicalScores(
        MeldScore meldNa, MeldScore meld3, EptsResult epts, HeartStatus heartStatus) {

    /** The heart status tiers of OPTN Policy 6 as revised in October 2018. */
    public static final String HEART_STATUS_VERSION = "HeartStatus/OPTN-2018";

    static final ClinicalScores NONE = new ClinicalScores(null, null, null, null);
}
