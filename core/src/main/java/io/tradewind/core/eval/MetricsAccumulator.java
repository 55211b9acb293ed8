package io.tradewind.core.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums per-user metrics of ranked lists against truth sets (PROTOCOL.md section 4) and averages them. Add users
 * in a fixed order for reproducible sums; not thread-safe.
 */
public final class MetricsAccumulator {
    /** The cut-offs of the protocol. */
    public static final int[] CUTOFFS = {5, 10, 15, 20, 25, 30};

    private final int[] cutoffs;
    private final int candidates;
    private final double[] precision;
    private final double[] recall;
    private final double[] meanF1;
    private final double[] hitRate;
    private final double[] ndcg;
    private final double[] mrr;
    private final boolean[] inTop10;
    private int coveredAt10;
    private int users;

    /** @param candidates number of candidate items, the denominator of coverage */
    public MetricsAccumulator(int candidates) {
        this(CUTOFFS, candidates);
    }

    public MetricsAccumulator(int[] cutoffs, int candidates) {
        this.cutoffs = cutoffs.clone();
        this.candidates = candidates;
        int n = cutoffs.length;
        precision = new double[n];
        recall = new double[n];
        meanF1 = new double[n];
        hitRate = new double[n];
        ndcg = new double[n];
        mrr = new double[n];
        inTop10 = new boolean[candidates];
    }

    /**
     * Adds one user.
     *
     * @param list  recommended candidates, best first
     * @param truth the user's truth, ascending candidate indices, not empty
     */
    public void add(int[] list, int[] truth) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("a test user needs a non-empty truth");
        }
        users++;
        for (int r = 0; r < Math.min(10, list.length); r++) {
            if (!inTop10[list[r]]) {
                inTop10[list[r]] = true;
                coveredAt10++;
            }
        }
        for (int c = 0; c < cutoffs.length; c++) {
            int k = cutoffs[c];
            int hits = 0;
            double dcg = 0;
            double reciprocalRank = 0;
            for (int r = 0; r < Math.min(k, list.length); r++) {
                if (Arrays.binarySearch(truth, list[r]) >= 0) {
                    hits++;
                    dcg += 1.0 / log2(r + 2);
                    if (reciprocalRank == 0) {
                        reciprocalRank = 1.0 / (r + 1);
                    }
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(k, truth.length); r++) {
                idcg += 1.0 / log2(r + 2);
            }
            double p = (double) hits / k;
            double rec = (double) hits / truth.length;
            precision[c] += p;
            recall[c] += rec;
            meanF1[c] += hits == 0 ? 0 : 2 * p * rec / (p + rec);
            hitRate[c] += hits > 0 ? 1 : 0;
            ndcg[c] += dcg / idcg;
            mrr[c] += reciprocalRank;
        }
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    public TrackMetrics result() {
        Map<Integer, MetricValues> atK = new LinkedHashMap<>();
        double n = Math.max(users, 1);
        for (int c = 0; c < cutoffs.length; c++) {
            double p = precision[c] / n;
            double r = recall[c] / n;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            atK.put(cutoffs[c], new MetricValues(p, r, f1, meanF1[c] / n, hitRate[c] / n, ndcg[c] / n, mrr[c] / n));
        }
        return new TrackMetrics(users, candidates == 0 ? 0 : (double) coveredAt10 / candidates, atK);
    }
}
