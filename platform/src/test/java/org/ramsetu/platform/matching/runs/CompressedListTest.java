package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompressedListTest {

    private static List<RunExclusion> exclusions(int count) {
        List<RunExclusion> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(
                    new RunExclusion(
                            UUID.randomUUID(),
                            List.of(
                                    new RunExclusion.Reason(
                                            "ABO_INCOMPATIBLE", "donor O to recipient B " + i))));
        }
        return list;
    }

    @Test
    void theHeadIsTheFirstEntriesInOrder() {
        List<RunExclusion> all = exclusions(5_000);

        byte[] stored = CompressedList.of(all);

        assertThat(CompressedList.head(stored, 3, RunExclusion.class))
                .containsExactlyElementsOf(all.subList(0, 3));
        assertThat(CompressedList.head(stored, 5_000, RunExclusion.class))
                .containsExactlyElementsOf(all);
    }

    @Test
    void askingForMoreThanThereIsGivesAllAndNothingGivesNone() {
        List<RunExclusion> all = exclusions(7);
        byte[] stored = CompressedList.of(all);

        assertThat(CompressedList.head(stored, 100, RunExclusion.class))
                .containsExactlyElementsOf(all);
        assertThat(CompressedList.head(stored, 0, RunExclusion.class)).isEmpty();
        assertThat(CompressedList.head(CompressedList.of(List.of()), 10, RunExclusion.class))
                .isEmpty();
    }

    @Test
    void theStoredFormIsMuchSmallerThanTheJson() {
        byte[] stored = CompressedList.of(exclusions(5_000));

        // ≈ 110 bytes of JSON an entry; the random UUIDs alone keep ≈ 18 bytes after deflate
        assertThat(stored.length).isLessThan(5_000 * 60);
    }
}
