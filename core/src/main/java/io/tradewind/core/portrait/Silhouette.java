package io.tradewind.core.portrait;

import java.util.List;
import java.util.Random;

/**
 * Mean silhouette coefficient of a clustering. Exact silhouette is quadratic in the number of points, so above
 * {@code maxPoints} it is computed on a seeded uniform sample (against all points), which estimates the mean
 * closely at a bounded cost.
 */
public final class Silhouette {
    private Silhouette() {
    }

    public static double mean(List<double[]> points, int[] assignment, int k, int maxPoints, long seed) {
        int n = points.size();
        int[] sample = sample(n, maxPoints, seed);
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        double total = 0;
        for (int i : sample) {
            double[] distanceSum = new double[k];
            double[] p = points.get(i);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    distanceSum[assignment[j]] += Math.sqrt(KMeans.squaredDistance(p, points.get(j)));
                }
            }
            int own = assignment[i];
            if (sizes[own] <= 1) {
                continue; // a singleton's silhouette is 0 by convention
            }
            double a = distanceSum[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, distanceSum[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE || Math.max(a, b) == 0) {
                continue; // no other non-empty cluster, or all points identical: 0, not a perfect score
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / sample.length;
    }

    private static int[] sample(int n, int maxPoints, long seed) {
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] chosen = new Random(seed).ints(0, n).distinct().limit(maxPoints).toArray();
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
