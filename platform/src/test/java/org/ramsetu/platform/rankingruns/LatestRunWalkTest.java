package org.ramsetu.platform.rankingruns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.rankingruns.LatestRunWalk.LatestRun;

class LatestRunWalkTest {

    /** Listing i has id (0, i + 1): ascending in PostgreSQL's order as in Java's. */
    private static UUID listing(int i) {
        return new UUID(0, i + 1);
    }

    /** A store of latest runs, answering windows as the SQL does, and counting its round trips. */
    private static final class Store implements LatestRunWalk.LatestRuns {
        final List<LatestRun> runs = new ArrayList<>();
        int windows;

        Store(int listings, java.util.function.IntPredicate stale) {
            for (int i = 0; i < listings; i++) {
                runs.add(new LatestRun(listing(i), new UUID(1, i), stale.test(i)));
            }
        }

        @Override
        public List<LatestRun> after(UUID after, int size) {
            windows++;
            return runs.stream().filter(r -> r.listing().compareTo(after) > 0).limit(size).toList();
        }
    }

    private static LatestRunWalk.StillListed listedWhere(java.util.function.IntPredicate listed) {
        return among -> {
            Set<UUID> kept = new HashSet<>();
            for (UUID id : among) {
                if (listed.test((int) id.getLeastSignificantBits() - 1)) {
                    kept.add(id);
                }
            }
            return kept;
        };
    }

    @Test
    void keepsOnlyStaleRunsOfListingsThatStillCountInListingOrder() {
        Store store = new Store(10, i -> i % 2 == 0);
        List<LatestRun> open = LatestRunWalk.open(store, listedWhere(i -> i != 4), null, 100);

        assertThat(open)
                .extracting(LatestRun::listing)
                .containsExactly(listing(0), listing(2), listing(6), listing(8));
        assertThat(LatestRunWalk.count(store, listedWhere(i -> i != 4))).isEqualTo(4);
    }

    @Test
    void aWindowWithNothingOpenDoesNotEndTheWalk() {
        // the first 2,500 listings are no longer listed: two and a half windows with nothing open
        Store store = new Store(3_000, i -> true);
        LatestRunWalk.StillListed listed = listedWhere(i -> i >= 2_500);

        List<LatestRun> open = LatestRunWalk.open(store, listed, null, 10);

        assertThat(open)
                .extracting(LatestRun::listing)
                .containsExactlyElementsOf(
                        IntStream.range(2_500, 2_510)
                                .mapToObj(LatestRunWalkTest::listing)
                                .toList());
        assertThat(LatestRunWalk.count(store, listed)).isEqualTo(500);
    }

    @Test
    void pagesByTheLastListingReturnedAndEndEmpty() {
        Store store = new Store(2_345, i -> i % 3 != 0);
        LatestRunWalk.StillListed listed = listedWhere(i -> i % 5 != 0);
        List<UUID> walked = new ArrayList<>();
        UUID after = null;
        List<LatestRun> page;
        while (!(page = LatestRunWalk.open(store, listed, after, 70)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(70);
            page.forEach(r -> walked.add(r.listing()));
            after = page.get(page.size() - 1).listing();
        }

        List<UUID> expected =
                IntStream.range(0, 2_345)
                        .filter(i -> i % 3 != 0 && i % 5 != 0)
                        .mapToObj(LatestRunWalkTest::listing)
                        .toList();
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(LatestRunWalk.count(store, listed)).isEqualTo(expected.size());
    }

    @Test
    void asksTheRegistryNothingForAWindowWithoutStaleRuns() {
        Store store = new Store(5, i -> false);
        List<Set<UUID>> asked = new ArrayList<>();

        assertThat(
                        LatestRunWalk.open(
                                store,
                                among -> {
                                    asked.add(among);
                                    return among;
                                },
                                null,
                                5))
                .isEmpty();
        assertThat(asked).isEmpty();
        assertThat(store.windows).isEqualTo(1);
    }
}
