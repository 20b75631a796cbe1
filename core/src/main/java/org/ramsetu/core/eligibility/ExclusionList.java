package org.ramsetu.core.eligibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a pair's exclusions straight into an immutable list. Most pairs have zero to two
 * reasons; building {@code List.of(..)} directly avoids an ArrayList plus a defensive copy per
 * pair, which profiling showed to be the largest cost of a 10⁵-pair match run.
 */
final class ExclusionList {
    private Exclusion first;
    private Exclusion second;
    private List<Exclusion> more;

    void add(Exclusion e) {
        if (first == null) {
            first = e;
        } else if (second == null) {
            second = e;
        } else {
            if (more == null) {
                more = new ArrayList<>(4);
            }
            more.add(e);
        }
    }

    List<Exclusion> toList() {
        if (first == null) {
            return List.of();
        }
        if (second == null) {
            return List.of(first);
        }
        if (more == null) {
            return List.of(first, second);
        }
        List<Exclusion> all = new ArrayList<>(2 + more.size());
        all.add(first);
        all.add(second);
        all.addAll(more);
        return List.copyOf(all);
    }
}
