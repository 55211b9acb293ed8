package io.tradewind.core.portrait;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the number of segments: the WCSS elbow (the k farthest below the line joining the first and last
 * WCSS values) proposes a k, and silhouette decides between it and its neighbours. Both curves are kept
 * for the report, so a data team can see why k was chosen.
 */
public final class KSelection {
    private static final int SILHOUETTE_SAMPLE = 2_000;

    /** One tried k with its quality figures. */
    public record Candidate(int k, double wcss, double silhouette, KMeans.Result result) {
    }

    /** The tried ks and the chosen one. */
    public record Choice(List<Candidate> candidates, int elbowK, Candidate chosen) {
    }

    private KSelection() {
    }

    public static Choice choose(List<double[]> points, int minK, int maxK, long seed) {
        if (minK < 2 || maxK < minK) {
            throw new IllegalArgumentException("k range must satisfy 2 <= min <= max, got " + minK + ".." + maxK);
        }
        int upper = Math.min(maxK, points.size() - 1);
        if (upper < minK) {
            throw new IllegalArgumentException("too few users (" + points.size() + ") to choose k in " + minK + ".." + maxK);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int k = minK; k <= upper; k++) {
            KMeans.Result result = new KMeans(k, 5, seed).fit(points);
            double silhouette = Silhouette.mean(points, result.assignment(), k, SILHOUETTE_SAMPLE, seed);
            candidates.add(new Candidate(k, result.wcss(), silhouette, result));
        }
        int elbowIndex = elbowIndex(candidates);
        Candidate chosen = candidates.get(elbowIndex);
        for (int i = Math.max(0, elbowIndex - 1); i <= Math.min(candidates.size() - 1, elbowIndex + 1); i++) {
            if (candidates.get(i).silhouette() > chosen.silhouette()) {
                chosen = candidates.get(i);
            }
        }
        return new Choice(candidates, candidates.get(elbowIndex).k(), chosen);
    }

    static int elbowIndex(List<Candidate> candidates) {
        int last = candidates.size() - 1;
        if (last < 2) {
            return 0;
        }
        double x0 = 0, y0 = candidates.get(0).wcss(), x1 = last, y1 = candidates.get(last).wcss();
        int best = 0;
        double bestGap = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= last; i++) {
            double onLine = y0 + (y1 - y0) * (i - x0) / (x1 - x0);
            double gap = onLine - candidates.get(i).wcss();
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }
}
