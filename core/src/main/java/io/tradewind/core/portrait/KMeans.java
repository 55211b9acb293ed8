package io.tradewind.core.portrait;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Lloyd's K-means with k-means++ seeding and several restarts (the best WCSS wins). Deterministic for a seed.
 * Runs in one process: it clusters one small vector per user (3 doubles), which stays in memory for millions
 * of users.
 */
public final class KMeans {
    private static final int MAX_ITERATIONS = 100;

    private final int k;
    private final int restarts;
    private final long seed;

    public KMeans(int k, int restarts, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.restarts = Math.max(1, restarts);
        this.seed = seed;
    }

    /** The clustering result: centroids, each point's cluster, and the within-cluster sum of squares. */
    public record Result(double[][] centroids, int[] assignment, double wcss) {
        public int k() {
            return centroids.length;
        }

        public int[] sizes() {
            int[] sizes = new int[centroids.length];
            for (int a : assignment) {
                sizes[a]++;
            }
            return sizes;
        }
    }

    public Result fit(List<double[]> points) {
        if (points.size() < k) {
            throw new IllegalArgumentException("need at least k=" + k + " points to cluster, got " + points.size());
        }
        Random random = new Random(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result candidate = fitOnce(points, random);
            if (best == null || candidate.wcss() < best.wcss()) {
                best = candidate;
            }
        }
        return best;
    }

    private Result fitOnce(List<double[]> points, Random random) {
        double[][] centroids = seedPlusPlus(points, random);
        int[] assignment = new int[points.size()];
        Arrays.fill(assignment, -1);
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
            converged = !assign(points, centroids, assignment);
            if (!converged) {
                centroids = recompute(points, assignment, centroids);
            }
        }
        if (!converged) {
            // Out of iterations right after moving the centroids: assign once more, so every point's segment is its
            // nearest centroid, which is how the speed layer assigns a user against the published centroids.
            assign(points, centroids, assignment);
        }
        return new Result(centroids, assignment, wcss(points, centroids, assignment));
    }

    /** k-means++: each next seed is drawn with probability proportional to its squared distance to the nearest seed. */
    private double[][] seedPlusPlus(List<double[]> points, Random random) {
        double[][] centroids = new double[k][];
        centroids[0] = points.get(random.nextInt(points.size())).clone();
        double[] nearest = new double[points.size()];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points.get(i), centroids[c - 1]));
                total += nearest[i];
            }
            int chosen = points.size() - 1;
            double target = random.nextDouble() * total;
            for (int i = 0; i < points.size(); i++) {
                target -= nearest[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = points.get(chosen).clone();
        }
        return centroids;
    }

    private static boolean assign(List<double[]> points, double[][] centroids, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < points.size(); i++) {
            int nearest = nearestCentroid(points.get(i), centroids);
            if (nearest != assignment[i]) {
                assignment[i] = nearest;
                changed = true;
            }
        }
        return changed;
    }

    private static double[][] recompute(List<double[]> points, int[] assignment, double[][] previous) {
        int d = previous[0].length;
        double[][] sums = new double[previous.length][d];
        int[] counts = new int[previous.length];
        for (int i = 0; i < points.size(); i++) {
            counts[assignment[i]]++;
            double[] p = points.get(i);
            for (int j = 0; j < d; j++) {
                sums[assignment[i]][j] += p[j];
            }
        }
        for (int c = 0; c < previous.length; c++) {
            if (counts[c] == 0) {
                sums[c] = previous[c].clone(); // an emptied cluster keeps its place rather than becoming NaN
                continue;
            }
            for (int j = 0; j < d; j++) {
                sums[c][j] /= counts[c];
            }
        }
        return sums;
    }

    public static int nearestCentroid(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    static double wcss(List<double[]> points, double[][] centroids, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            sum += squaredDistance(points.get(i), centroids[assignment[i]]);
        }
        return sum;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
