package org.ramsetu.scoring.service;

import java.util.PriorityQueue;

/** The indices of the {@code k} highest scores, best first; equal scores keep input order. */
final class TopK {

    private TopK() {}

    static int[] select(float[] scores, int k) {
        int n = scores.length;
        int keep = Math.min(k, n);
        // Min-heap on (score, then later index first) so the root is the weakest kept candidate.
        PriorityQueue<Integer> heap =
                new PriorityQueue<>(
                        keep + 1,
                        (a, b) -> {
                            int byScore = Float.compare(scores[a], scores[b]);
                            return byScore != 0 ? byScore : Integer.compare(b, a);
                        });
        for (int i = 0; i < n; i++) {
            if (heap.size() < keep) {
                heap.add(i);
            } else if (keep > 0 && scores[i] > scores[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] best = new int[heap.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = heap.poll();
        }
        return best;
    }
}
