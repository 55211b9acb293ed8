package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * "ALS": implicit-feedback matrix factorisation (weighted regularised MF, Hu, Koren and Volinsky 2008). Each
 * bought pair has preference 1 and confidence {@code 1 + alpha * purchaseCount}; every other pair preference 0
 * and confidence 1. It minimises
 * <pre>  sum_(u,i) c_ui (p_ui - x_u . y_i)^2 + reg * (sum_u n_u |x_u|^2 + sum_i n_i |y_i|^2)</pre>
 * with n_u, n_i the numbers of bought pairs of the user and item: the regularisation is scaled as in Spark
 * MLlib's ALS, so {@code reg} means what it means there.
 *
 * <p>Each half-step solves the users' (then the items') normal equations with a few steps of conjugate
 * gradient started from the previous solution, with {@code Y'Y} computed once per half-step (Takacs, Pilaszy
 * and Tikk, 2011). Rows are solved in parallel on {@code threads} threads; each row's update depends only on
 * the other side's factors, and {@code Y'Y} is summed in a fixed order, so a fit is deterministic given the
 * seed whatever the thread count or scheduling. Factors are single precision (as in most implicit-ALS
 * libraries), one array per row: the inner loops then index every array from 0, which lets the JIT vectorise
 * them (about twice as fast as offsets into one flat array).
 */
public final class AlsRecommender implements Recommender {
    private static final int GRAM_PARTS = 4;

    private final int rank;
    private final double alpha;
    private final double reg;
    private final int iterations;
    private final int cgSteps;
    private final long seed;
    private final int threads;

    public AlsRecommender(int rank, double alpha, double reg, int iterations) {
        this(rank, alpha, reg, iterations, 3, 42L, Runtime.getRuntime().availableProcessors());
    }

    public AlsRecommender(int rank, double alpha, double reg, int iterations, int cgSteps, long seed, int threads) {
        if (rank < 1 || iterations < 0 || cgSteps < 1 || threads < 1 || alpha < 0 || reg < 0) {
            throw new IllegalArgumentException("invalid ALS parameters");
        }
        this.rank = rank;
        this.alpha = alpha;
        this.reg = reg;
        this.iterations = iterations;
        this.cgSteps = cgSteps;
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "ALS";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rank", rank);
        params.put("alpha", alpha);
        params.put("reg", reg);
        params.put("iters", iterations);
        return params;
    }

    @Override
    public Fitted fit(Interactions train, ProgressListener progress) {
        int nUsers = train.numUsers();
        int nItems = train.numItems();
        SplittableRandom random = new SplittableRandom(seed);
        float[][] userFactors = initialise(nUsers, random);
        float[][] itemFactors = initialise(nItems, random);

        // Item side: the CSC index lists users per item; counts are read through the pair positions.
        int[] itemCounts = new int[train.numPairs()];
        for (int q = 0; q < itemCounts.length; q++) {
            itemCounts[q] = train.pairCount[train.itemPair[q]];
        }
        Side users = new Side(train.userStart, train.pairItem, train.pairCount);
        Side items = new Side(train.itemStart, train.itemUser, itemCounts);

        progress.start("ALS rank=" + rank, iterations);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        try {
            for (int it = 0; it < iterations; it++) {
                solveSide(users, userFactors, itemFactors, pool);
                solveSide(items, itemFactors, userFactors, pool);
                progress.advance(1);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            progress.finish();
        }
        return new Fitted(train, rank, alpha, reg, cgSteps, userFactors, itemFactors);
    }

    private float[][] initialise(int rows, SplittableRandom random) {
        // Non-negative, unit-length random vectors, as Spark's ALS starts.
        float[][] factors = new float[rows][rank];
        double[] v = new double[rank];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int f = 0; f < rank; f++) {
                v[f] = Math.abs(nextGaussian(random));
                norm += v[f] * v[f];
            }
            norm = Math.sqrt(norm);
            for (int f = 0; f < rank; f++) {
                factors[r][f] = (float) (v[f] / norm);
            }
        }
        return factors;
    }

    private static double nextGaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** One side of the bipartite purchase graph: rows with their bought columns and counts. */
    private record Side(int[] start, int[] column, int[] count) {
        int rows() {
            return start.length - 1;
        }
    }

    private void solveSide(Side side, float[][] solve, float[][] fixed, ExecutorService pool) {
        float[][] gram = gram(fixed, rank, pool);
        int rows = side.rows();
        if (pool == null) {
            solveRows(side, solve, fixed, gram, 0, rows);
            return;
        }
        int chunks = threads * 8;
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) rows * c / chunks);
            int to = (int) ((long) rows * (c + 1) / chunks);
            futures.add(pool.submit(() -> solveRows(side, solve, fixed, gram, from, to)));
        }
        await(futures);
    }

    private void solveRows(Side side, float[][] solve, float[][] fixed, float[][] gram, int from, int to) {
        ConjugateGradient cg = new ConjugateGradient(rank);
        for (int row = from; row < to; row++) {
            int start = side.start[row];
            int end = side.start[row + 1];
            if (start == end) {
                Arrays.fill(solve[row], 0f);
                continue;
            }
            cg.solve(gram, fixed, side.column, side.count, start, end, (float) (reg * (end - start)), (float) alpha,
                    cgSteps, solve[row]);
        }
    }

    /**
     * Conjugate gradient for one row, with its scratch vectors: improves {@code x} towards the solution of
     * {@code (G + lambda I + sum_k (c_k - 1) y_k y_k') x = sum_k c_k y_k} over the row's bought columns k.
     */
    static final class ConjugateGradient {
        private final int rank;
        private final float[] r;
        private final float[] p;
        private final float[] ap;

        ConjugateGradient(int rank) {
            this.rank = rank;
            r = new float[rank];
            p = new float[rank];
            ap = new float[rank];
        }

        /** Runs {@code steps} CG steps over {@code column[start..end)}, updating {@code x} in place. */
        void solve(float[][] gram, float[][] fixed, int[] column, int[] count, int start, int end, float lambda,
                   float alpha, int steps, float[] x) {
            // r = b - A x, with b = sum_k c_k y_k
            multiply(gram, fixed, column, count, start, end, lambda, alpha, x, r);
            for (int f = 0; f < rank; f++) {
                r[f] = -r[f];
            }
            for (int k = start; k < end; k++) {
                float c = 1f + alpha * count[k];
                float[] y = fixed[column[k]];
                for (int f = 0; f < rank; f++) {
                    r[f] += c * y[f];
                }
            }
            System.arraycopy(r, 0, p, 0, rank);
            double rsOld = dot(r, r);
            for (int step = 0; step < steps && rsOld > 1e-20; step++) {
                multiply(gram, fixed, column, count, start, end, lambda, alpha, p, ap);
                double pAp = dot(p, ap);
                if (pAp <= 0) {
                    break;
                }
                float a = (float) (rsOld / pAp);
                for (int f = 0; f < rank; f++) {
                    x[f] += a * p[f];
                    r[f] -= a * ap[f];
                }
                double rsNew = dot(r, r);
                float beta = (float) (rsNew / rsOld);
                for (int f = 0; f < rank; f++) {
                    p[f] = r[f] + beta * p[f];
                }
                rsOld = rsNew;
            }
        }

        /** out = (G + lambda I) v + sum_k (c_k - 1) (y_k . v) y_k. */
        private void multiply(float[][] gram, float[][] fixed, int[] column, int[] count, int start, int end,
                              float lambda, float alpha, float[] v, float[] out) {
            for (int f = 0; f < rank; f++) {
                out[f] = lambda * v[f];
            }
            // G is symmetric, so G v is a sum of G's rows.
            for (int g = 0; g < rank; g++) {
                float vg = v[g];
                float[] row = gram[g];
                for (int f = 0; f < rank; f++) {
                    out[f] += vg * row[f];
                }
            }
            for (int k = start; k < end; k++) {
                float[] y = fixed[column[k]];
                float w = (float) (alpha * count[k] * dot(y, v));
                for (int f = 0; f < rank; f++) {
                    out[f] += w * y[f];
                }
            }
        }
    }

    /** a . b over a's length, with four partial sums to shorten the dependency chain. */
    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length;
        int f = 0;
        for (; f + 3 < n; f += 4) {
            s0 += a[f] * b[f];
            s1 += a[f + 1] * b[f + 1];
            s2 += a[f + 2] * b[f + 2];
            s3 += a[f + 3] * b[f + 3];
        }
        for (; f < n; f++) {
            s0 += a[f] * b[f];
        }
        return (double) (s0 + s1) + (double) (s2 + s3);
    }

    /**
     * F'F of the factor rows: partial sums over a fixed partition of the rows, added in partition order, so the
     * result is bit-identical whether the parts run on one thread or several.
     */
    static float[][] gram(float[][] factors, int rank, ExecutorService pool) {
        int rows = factors.length;
        List<float[][]> partial = new ArrayList<>(GRAM_PARTS);
        if (pool == null) {
            for (int part = 0; part < GRAM_PARTS; part++) {
                partial.add(gramOfRows(factors, partStart(rows, part), partStart(rows, part + 1), rank));
            }
        } else {
            List<Future<float[][]>> futures = new ArrayList<>(GRAM_PARTS);
            for (int part = 0; part < GRAM_PARTS; part++) {
                int from = partStart(rows, part);
                int to = partStart(rows, part + 1);
                futures.add(pool.submit(() -> gramOfRows(factors, from, to, rank)));
            }
            for (Future<float[][]> future : futures) {
                partial.add(get(future));
            }
        }
        float[][] gram = partial.get(0);
        for (int part = 1; part < GRAM_PARTS; part++) {
            float[][] add = partial.get(part);
            for (int f = 0; f < rank; f++) {
                for (int g = 0; g < rank; g++) {
                    gram[f][g] += add[f][g];
                }
            }
        }
        return gram;
    }

    private static int partStart(int rows, int part) {
        return (int) ((long) rows * part / GRAM_PARTS);
    }

    private static float[][] gramOfRows(float[][] factors, int from, int to, int rank) {
        float[][] gram = new float[rank][rank];
        for (int r = from; r < to; r++) {
            float[] y = factors[r];
            for (int f = 0; f < rank; f++) {
                float v = y[f];
                if (v == 0) {
                    continue;
                }
                float[] row = gram[f];
                for (int g = 0; g < rank; g++) {
                    row[g] += v * y[g];
                }
            }
        }
        return gram;
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            get(future);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ALS fit interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ALS fit failed", e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "tradewind-als");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The fitted user and item factors. */
    public static final class Fitted implements FactorModel {
        private final Interactions train;
        private final int rank;
        private final double alpha;
        private final double reg;
        private final int cgSteps;
        private final float[][] userFactors;
        private final float[][] itemFactors;
        private volatile float[][] itemGram;

        private Fitted(Interactions train, int rank, double alpha, double reg, int cgSteps, float[][] userFactors,
                       float[][] itemFactors) {
            this.train = train;
            this.rank = rank;
            this.alpha = alpha;
            this.reg = reg;
            this.cgSteps = cgSteps;
            this.userFactors = userFactors;
            this.itemFactors = itemFactors;
        }

        @Override
        public Interactions train() {
            return train;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public double[] userFactors(int user) {
            return toDouble(userFactors[user]);
        }

        @Override
        public double[] itemFactors(int item) {
            return toDouble(itemFactors[item]);
        }

        private static double[] toDouble(float[] values) {
            double[] copy = new double[values.length];
            for (int f = 0; f < values.length; f++) {
                copy[f] = values[f];
            }
            return copy;
        }

        /** Scores {@code x_u . y_i} with the learnt user vector; zero for a user the model was not trained on. */
        @Override
        public void score(UserHistory history, double[] out) {
            if (history.user() < 0) {
                Arrays.fill(out, 0, train.numItems(), 0.0);
                return;
            }
            scoreRow(userFactors[history.user()], out);
        }

        /** Scores {@code x . y_i} for every item with an arbitrary user vector, e.g. from {@link #foldIn}. */
        public void scoreVector(double[] user, double[] out) {
            float[] x = new float[rank];
            for (int f = 0; f < rank; f++) {
                x[f] = (float) user[f];
            }
            scoreRow(x, out);
        }

        private void scoreRow(float[] x, double[] out) {
            for (int i = 0; i < itemFactors.length; i++) {
                out[i] = dot(itemFactors[i], x);
            }
        }

        @Override
        public double[] foldIn(UserHistory history) {
            float[] x = new float[rank];
            if (history.size() > 0) {
                new ConjugateGradient(rank).solve(itemGram(), itemFactors, history.items(), history.counts(), 0,
                        history.size(), (float) (reg * history.size()), (float) alpha, Math.max(rank, cgSteps), x);
            }
            return toDouble(x);
        }

        private float[][] itemGram() {
            float[][] gram = itemGram;
            if (gram == null) {
                gram = gram(itemFactors, rank, null);
                itemGram = gram;
            }
            return gram;
        }

        /**
         * The training objective (see {@link AlsRecommender}), computed without visiting every user-item pair:
         * {@code sum_all (x.y)^2 = sum_u x_u' (Y'Y) x_u}, corrected on the bought pairs.
         */
        public double loss() {
            float[][] gram = itemGram();
            double loss = 0;
            for (int u = 0; u < train.numUsers(); u++) {
                float[] x = userFactors[u];
                for (int f = 0; f < rank; f++) {
                    loss += x[f] * dot(gram[f], x);
                }
                loss += reg * train.userItemCount(u) * dot(x, x);
                for (int p = train.userStart[u]; p < train.userStart[u + 1]; p++) {
                    double s = dot(x, itemFactors[train.pairItem[p]]);
                    double c = 1.0 + alpha * train.pairCount[p];
                    loss += c * (1.0 - s) * (1.0 - s) - s * s;
                }
            }
            for (int i = 0; i < train.numItems(); i++) {
                loss += reg * train.buyers(i) * dot(itemFactors[i], itemFactors[i]);
            }
            return loss;
        }
    }
}
