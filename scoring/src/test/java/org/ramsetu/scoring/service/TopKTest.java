package org.ramsetu.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void returnsTheBestIndicesBestFirstWithTiesInInputOrder() {
        float[] scores = {0.5f, 0.9f, 0.7f, 0.9f, 0.1f};

        assertThat(TopK.select(scores, 3)).containsExactly(1, 3, 2);
        assertThat(TopK.select(scores, 10)).containsExactly(1, 3, 2, 0, 4);
        assertThat(TopK.select(scores, 1)).containsExactly(1);
    }
}
