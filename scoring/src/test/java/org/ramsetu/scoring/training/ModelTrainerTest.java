package org.ramsetu.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;

class ModelTrainerTest {

    /** The original design's 50-tree random forest on 100,000 kidney rows (peer train.log). */
    private static final double ORIGINAL_FOREST_MAE = 0.00791;

    @Test
    void evenASmallModelBeatsTheOriginalForestOnHeldOutRows() {
        TrainedModel model =
                new ModelTrainer(new TrainingParameters(300, 2, 0.5, 2))
                        .train(Dataset.synthetic(Organ.KIDNEY, 20_000, 7), 7);

        assertThat(model.trainRows()).isEqualTo(16_000);
        assertThat(model.testRows()).isEqualTo(4_000);
        assertThat(model.metrics().mae()).isLessThan(ORIGINAL_FOREST_MAE);
        assertThat(model.metrics().r2()).isGreaterThan(0.98);
        assertThat(model.metrics().auroc()).isGreaterThan(0.99);
        assertThat(model.artifact()).isNotEmpty();
    }

    @Test
    void theSplitKeepsEveryRowOnceWithItsOwnTarget() {
        Dataset data = Dataset.synthetic(Organ.HEART, 1_000, 3);
        Dataset.Split split = data.split(0.8, 9);

        assertThat(split.train().rows()).isEqualTo(800);
        assertThat(split.test().rows()).isEqualTo(200);
        double sumAll = 0;
        double sumParts = 0;
        for (float y : data.y()) sumAll += y;
        for (float y : split.train().y()) sumParts += y;
        for (float y : split.test().y()) sumParts += y;
        assertThat(sumParts).isCloseTo(sumAll, org.assertj.core.api.Assertions.within(1e-3));
    }
}
