package org.ramsetu.platform.matching.runs;

import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.ranking.RankingWeights;

/**
 * The settings a run was computed with, stored with it so that it can be reproduced.
 *
 * @param proposals how many of the best became proposed matches
 * @param searchRadiusKm how far the candidate query looked (the organ's reach)
 */
public record RunSettings(
        int proposals,
        double searchRadiusKm,
        RankingWeights weights,
        TransportSettings transport,
        double heartWeightTolerance) {}
