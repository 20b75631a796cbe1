package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A re-processing batch reads only the pledge ids of a stored run, in rank order. */
class CompressedListPledgeOrderTest {

    @Test
    void thePledgeIdsOfAStoredListInOrderWhateverElseEachEntryHolds() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<RunCandidate> stored =
                List.of(candidate(1, first), candidate(2, second), candidate(3, first));

        assertThat(CompressedList.pledgeOrder(CompressedList.of(stored)))
                .containsExactly(first, second, first);
        assertThat(CompressedList.pledgeOrder(CompressedList.of(List.of()))).isEmpty();
    }

    private static RunCandidate candidate(int rank, UUID pledge) {
        return new RunCandidate(
                rank,
                pledge,
                0.5,
                0.4,
                "MELD-Na 25",
                "IDENTICAL",
                new RunCandidate.Components(
                        12.0, 300, 4.5, new RunCandidate.Weights(0.4, 0.2, 0.2, 0.2)),
                new RunCandidate.Transport("ROAD", 1.5, 6.0, 12.0),
                false,
                List.of(new RunCandidate.Imputed("hla", 0.5, "not typed")),
                Map.of("age", 41.0, "pledgeId", 3.0),
                Map.of("age", 0.01),
                "explained");
    }
}
