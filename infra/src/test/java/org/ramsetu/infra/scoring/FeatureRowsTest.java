package org.ramsetu.infra.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureRowsTest {

    private final FeatureRows rows =
            new FeatureRows(
                    List.of("hla_score", "distance_km"),
                    new String[] {"a", "b", "c"},
                    new double[] {0.1, 10, 0.2, 20, 0.3, 30});

    @Test
    void eachRowBecomesTheMapACallerWouldHaveSent() {
        assertThat(rows.asRequest().candidates())
                .containsExactly(
                        new Candidate("a", Map.of("hla_score", 0.1, "distance_km", 10.0)),
                        new Candidate("b", Map.of("hla_score", 0.2, "distance_km", 20.0)),
                        new Candidate("c", Map.of("hla_score", 0.3, "distance_km", 30.0)));
    }

    @Test
    void aSliceKeepsItsRowsWhole() {
        FeatureRows tail = rows.slice(1, 3);

        assertThat(tail.ids()).containsExactly("b", "c");
        assertThat(tail.values()).containsExactly(0.2, 20, 0.3, 30);
        assertThat(rows.slice(0, 3)).isSameAs(rows);
        assertThat(rows.slice(1, 1).rows()).isZero();
    }

    @Test
    void valuesThatDoNotFillTheRowsAreRefused() {
        assertThatThrownBy(
                        () ->
                                new FeatureRows(
                                        List.of("hla_score", "distance_km"),
                                        new String[] {"a", "b"},
                                        new double[] {0.1, 10, 0.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 values do not make 2 rows of 2 features");
    }
}
