package org.ramsetu.scoring.training;

import java.time.Duration;
import java.util.List;

/**
 * A freshly trained model, not yet registered: the artifact bytes and how well it did on rows it
 * never saw.
 */
public record TrainedModel(
        List<String> features,
        byte[] artifact,
        HeldOutMetrics metrics,
        int trainRows,
        int testRows,
        Duration trainingTime,
        TrainingParameters parameters) {}
