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
 * libraries): half the memory traffic and twice the SIMD width of doubles, at no measurable cost in accuracy.
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
        float[] userFactors = new float[nUsers * rank];
        float[] itemFactors = new float[nItems * rank];
        SplittableRandom random = new SplittableRandom(seed);
        initialise(userFactors, nUsers, random);
        initialise(itemFactors, nItems, random);

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
                solveSide(users, userFactors, itemFactors, nItems, pool);
                solveSide(items, itemFactors, userFactors, nUsers, pool);
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

    private void initialise(float[] factors, int rows, SplittableRandom random) {
        // Non-negative, unit-length random vectors, as Spark's ALS starts.
        double[] v = new double[rank];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int f = 0; f < rank; f++) {
                v[f] = Math.abs(nextGaussian(random));
                norm += v[f] * v[f];
            }
            norm = Math.sqrt(norm);
            for (int f = 0; f < rank; f++) {
                factors[r * rank + f] = (float) (v[f] / norm);
            }
        }
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

    private void solveSide(Side side, float[] solve, float[] fixed, int fixedRows, ExecutorService pool) {
        float[] gram = gram(fixed, fixedRows, rank, pool);
        int rows = side.rows();
        if (pool == null) {
            new RowSolver(side, solve, fixed, gram).solveRows(0, rows);
            return;
        }
        int chunks = threads * 8;
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) rows * c / chunks);
            int to = (int) ((long) rows * (c + 1) / chunks);
            futures.add(pool.submit(() -> new RowSolver(side, solve, fixed, gram).solveRows(from, to)));
        }
        await(futures);
    }

    /** Conjugate-gradient solver for the rows of one side; holds its own scratch vectors. */
    private final class RowSolver {
        private final Side side;
        private final float[] solve;
        private final float[] fixed;
        private final float[] gram;
        private final float[] x = new float[rank];
        private final float[] r = new float[rank];
        private final float[] p = new float[rank];
        private final float[] ap = new float[rank];

        RowSolver(Side side, float[] solve, float[] fixed, float[] gram) {
            this.side = side;
            this.solve = solve;
            this.fixed = fixed;
            this.gram = gram;
        }

        void solveRows(int from, int to) {
            for (int row = from; row < to; row++) {
                int start = side.start[row];
                int end = side.start[row + 1];
                int offset = row * rank;
                if (start == end) {
                    Arrays.fill(solve, offset, offset + rank, 0f);
                    continue;
                }
                System.arraycopy(solve, offset, x, 0, rank);
                conjugateGradient(gram, fixed, side.column, side.count, start, end, (float) (reg * (end - start)),
                        (float) alpha, cgSteps, x, r, p, ap);
                System.arraycopy(x, 0, solve, offset, rank);
            }
        }
    }

    /**
     * Improves {@code x} towards the solution of {@code (G + lambda I + sum_k (c_k - 1) y_k y_k') x = sum_k c_k y_k}
     * over the bought columns {@code column[start..end)} with {@code steps} CG steps.
     */
    static void conjugateGradient(float[] gram, float[] fixed, int[] column, int[] count, int start, int end,
                                  float lambda, float alpha, int steps, float[] x, float[] r, float[] p, float[] ap) {
        int rank = x.length;
        // r = b - A x
        multiply(gram, fixed, column, count, start, end, lambda, alpha, x, r);
        for (int f = 0; f < rank; f++) {
            r[f] = -r[f];
        }
        for (int k = start; k < end; k++) {
            float c = 1f + alpha * count[k];
            int y = column[k] * rank;
            for (int f = 0; f < rank; f++) {
                r[f] += c * fixed[y + f];
            }
        }
        System.arraycopy(r, 0, p, 0, rank);
        double rsOld = dot(r, 0, r, rank);
        for (int step = 0; step < steps && rsOld > 1e-20; step++) {
            multiply(gram, fixed, column, count, start, end, lambda, alpha, p, ap);
            double pAp = dot(p, 0, ap, rank);
            if (pAp <= 0) {
                break;
            }
            float a = (float) (rsOld / pAp);
            for (int f = 0; f < rank; f++) {
                x[f] += a * p[f];
                r[f] -= a * ap[f];
            }
            double rsNew = dot(r, 0, r, rank);
            float beta = (float) (rsNew / rsOld);
            for (int f = 0; f < rank; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
    }

    /** out = (G + lambda I) v + sum_k (c_k - 1) (y_k . v) y_k. */
    private static void multiply(float[] gram, float[] fixed, int[] column, int[] count, int start, int end,
                                 float lambda, float alpha, float[] v, float[] out) {
        int rank = v.length;
        for (int f = 0; f < rank; f++) {
            out[f] = lambda * v[f];
        }
        // G is symmetric, so G v is a sum of G's rows: axpy loops, which the JIT vectorises.
        for (int g = 0; g < rank; g++) {
            float vg = v[g];
            int row = g * rank;
            for (int f = 0; f < rank; f++) {
                out[f] += vg * gram[row + f];
            }
        }
        for (int k = start; k < end; k++) {
            int y = column[k] * rank;
            float w = (float) (alpha * count[k] * dot(fixed, y, v, rank));
            for (int f = 0; f < rank; f++) {
                out[f] += w * fixed[y + f];
            }
        }
    }

    /** a[offset..offset+n) . b[0..n), with four partial sums to shorten the dependency chain. */
    static double dot(float[] a, int offset, float[] b, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int f = 0;
        for (; f + 3 < n; f += 4) {
            s0 += a[offset + f] * b[f];
            s1 += a[offset + f + 1] * b[f + 1];
            s2 += a[offset + f + 2] * b[f + 2];
            s3 += a[offset + f + 3] * b[f + 3];
        }
        for (; f < n; f++) {
            s0 += a[offset + f] * b[f];
        }
        return (double) (s0 + s1) + (double) (s2 + s3);
    }

    /**
     * F'F for a row-major factor matrix: partial sums over a fixed partition of the rows, added in partition
     * order, so the result is bit-identical whether the parts run on one thread or several.
     */
    static float[] gram(float[] factors, int rows, int rank, ExecutorService pool) {
        List<float[]> partial = new ArrayList<>(GRAM_PARTS);
        if (pool == null) {
            for (int part = 0; part < GRAM_PARTS; part++) {
                partial.add(gramOfRows(factors, partStart(rows, part), partStart(rows, part + 1), rank));
            }
        } else {
            List<Future<float[]>> futures = new ArrayList<>(GRAM_PARTS);
            for (int part = 0; part < GRAM_PARTS; part++) {
                int from = partStart(rows, part);
                int to = partStart(rows, part + 1);
                futures.add(pool.submit(() -> gramOfRows(factors, from, to, rank)));
            }
            for (Future<float[]> future : futures) {
                partial.add(get(future));
            }
        }
        float[] gram = partial.get(0);
        for (int part = 1; part < GRAM_PARTS; part++) {
            float[] add = partial.get(part);
            for (int e = 0; e < gram.length; e++) {
                gram[e] += add[e];
            }
        }
        return gram;
    }

    private static int partStart(int rows, int part) {
        return (int) ((long) rows * part / GRAM_PARTS);
    }

    private static float[] gramOfRows(float[] factors, int from, int to, int rank) {
        float[] gram = new float[rank * rank];
        for (int r = from; r < to; r++) {
            int offset = r * rank;
            for (int f = 0; f < rank; f++) {
                float v = factors[offset + f];
                if (v == 0) {
                    continue;
                }
                int row = f * rank;
                for (int g = f; g < rank; g++) {
                    gram[row + g] += v * factors[offset + g];
                }
            }
        }
        for (int f = 0; f < rank; f++) {
            for (int g = 0; g < f; g++) {
                gram[f * rank + g] = gram[g * rank + f];
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
        private final float[] userFactors;
        private final float[] itemFactors;
        private volatile float[] itemGram;

        private Fitted(Interactions train, int rank, double alpha, double reg, int cgSteps, float[] userFactors,
                       float[] itemFactors) {
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
            return toDouble(userFactors, user * rank, rank);
        }

        @Override
        public double[] itemFactors(int item) {
            return toDouble(itemFactors, item * rank, rank);
        }

        private static double[] toDouble(float[] values, int offset, int length) {
            double[] copy = new double[length];
            for (int f = 0; f < length; f++) {
                copy[f] = values[offset + f];
            }
            return copy;
        }

        /** Scores {@code x_u . y_i} with the learnt user vector; zero for a user the model was not trained on. */
        @Override
        public void score(UserHistory history, double[] out) {
            int nItems = train.numItems();
            if (history.user() < 0) {
                Arrays.fill(out, 0, nItems, 0.0);
                return;
            }
            float[] x = Arrays.copyOfRange(userFactors, history.user() * rank, (history.user() + 1) * rank);
            for (int i = 0; i < nItems; i++) {
                out[i] = dot(itemFactors, i * rank, x, rank);
            }
        }

        /** Scores {@code x . y_i} for every item with an arbitrary user vector, e.g. from {@link #foldIn}. */
        public void scoreVector(double[] user, double[] out) {
            float[] x = new float[rank];
            for (int f = 0; f < rank; f++) {
                x[f] = (float) user[f];
            }
            for (int i = 0; i < train.numItems(); i++) {
                out[i] = dot(itemFactors, i * rank, x, rank);
            }
        }

        @Override
        public double[] foldIn(UserHistory history) {
            float[] x = new float[rank];
            if (history.size() > 0) {
                conjugateGradient(itemGram(), itemFactors, history.items(), history.counts(), 0, history.size(),
                        (float) (reg * history.size()), (float) alpha, Math.max(rank, cgSteps), x, new float[rank],
                        new float[rank], new float[rank]);
            }
            return toDouble(x, 0, rank);
        }

        private float[] itemGram() {
            float[] gram = itemGram;
            if (gram == null) {
                gram = gram(itemFactors, train.numItems(), rank, null);
                itemGram = gram;
            }
            return gram;
        }

        /**
         * The training objective (see {@link AlsRecommender}), computed without visiting every user-item pair:
         * {@code sum_all (x.y)^2 = sum_u x_u' (Y'Y) x_u}, corrected on the bought pairs.
         */
        public double loss() {
            float[] gram = itemGram();
            double loss = 0;
            for (int u = 0; u < train.numUsers(); u++) {
                int x = u * rank;
                for (int f = 0; f < rank; f++) {
                    double row = 0;
                    for (int g = 0; g < rank; g++) {
                        row += gram[f * rank + g] * userFactors[x + g];
                    }
                    loss += userFactors[x + f] * row;
                }
                double norm = 0;
                for (int f = 0; f < rank; f++) {
                    norm += userFactors[x + f] * userFactors[x + f];
                }
                loss += reg * train.userItemCount(u) * norm;
                for (int p = train.userStart[u]; p < train.userStart[u + 1]; p++) {
                    int y = train.pairItem[p] * rank;
                    double s = 0;
                    for (int f = 0; f < rank; f++) {
                        s += userFactors[x + f] * itemFactors[y + f];
                    }
                    double c = 1.0 + alpha * train.pairCount[p];
                    loss += c * (1.0 - s) * (1.0 - s) - s * s;
                }
            }
            for (int i = 0; i < train.numItems(); i++) {
                double norm = 0;
                for (int f = 0; f < rank; f++) {
                    norm += itemFactors[i * rank + f] * itemFactors[i * rank + f];
                }
                loss += reg * train.buyers(i) * norm;
            }
            return loss;
        }
    }
}
