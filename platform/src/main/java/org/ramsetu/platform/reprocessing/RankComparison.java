package org.ramsetu.platform.reprocessing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run's ranking moved when it was ranked again: whether it changed at all, whether the best
 * {@code top} (the proposals a coordinator's run would make) changed, Spearman's rank correlation
 * and the mean absolute rank shift over the candidates both rankings contain. Candidates that
 * entered or left the list (a pledge verified or withdrawn since, an exclusion that changed) count
 * as a change but are not correlated: a rank exists only where both lists have the candidate.
 *
 * @param common candidates in both rankings
 * @param spearman Spearman's ρ over the common candidates' relative order (ranks are distinct, so ρ
 *     = 1 − 6 Σd² / (n (n² − 1))); null below two common candidates, where it is undefined
 * @param meanAbsoluteShift mean of |new rank − old rank| over the common candidates, ranks as the
 *     runs list them (1 = best); 0 when none are common
 */
public record RankComparison(
        boolean changed,
        boolean topChanged,
        int common,
        Double spearman,
        double meanAbsoluteShift) {

    /**
     * @param oldOrder the old run's candidates, best first (distinct)
     * @param newOrder the new run's candidates, best first (distinct)
     * @param top how many of the best count as the proposals
     */
    public static <T> RankComparison of(List<T> oldOrder, List<T> newOrder, int top) {
        boolean changed = !oldOrder.equals(newOrder);
        boolean topChanged =
                !oldOrder.subList(0, Math.min(top, oldOrder.size()))
                        .equals(newOrder.subList(0, Math.min(top, newOrder.size())));
        Map<T, Integer> oldRank = new HashMap<>(oldOrder.size() * 2);
        for (int i = 0; i < oldOrder.size(); i++) {
            oldRank.put(oldOrder.get(i), i + 1);
        }
        // Both lists restricted to the common candidates keep their relative order: walking the
        // new list gives each common candidate its new relative position; its old relative
        // position is the count of common candidates ranked before it in the old list.
        boolean[] commonOld = new boolean[oldOrder.size() + 1];
        int common = 0;
        for (T candidate : newOrder) {
            Integer r = oldRank.get(candidate);
            if (r != null) {
                commonOld[r] = true;
                common++;
            }
        }
        int[] oldRelative = new int[oldOrder.size() + 1];
        for (int rank = 1, seen = 0; rank <= oldOrder.size(); rank++) {
            if (commonOld[rank]) {
                oldRelative[rank] = ++seen;
            }
        }
        double sumSquares = 0;
        long sumShift = 0;
        int newRelative = 0;
        for (int i = 0; i < newOrder.size(); i++) {
            Integer r = oldRank.get(newOrder.get(i));
            if (r == null) {
                continue;
            }
            newRelative++;
            double d = newRelative - oldRelative[r];
            sumSquares += d * d;
            sumShift += Math.abs((i + 1) - r);
        }
        Double spearman = null;
        if (common >= 2) {
            double n = common;
            spearman = 1 - 6 * sumSquares / (n * (n * n - 1));
        }
        return new RankComparison(
                changed,
                topChanged,
                common,
                spearman,
                common == 0 ? 0 : (double) sumShift / common);
    }
}
