package org.ramsetu.scoring.service;

import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.scoring.registry.ModelCard;

/** A model card as the {@code ScoringClient} port describes a loaded model. */
final class ModelSummaries {

    private ModelSummaries() {}

    static ModelSummary of(ModelCard card) {
        return new ModelSummary(
                card.organ(),
                card.version(),
                card.trainedAt(),
                card.features(),
                card.rows(),
                card.metrics());
    }
}
