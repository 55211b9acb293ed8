package io.tradewind.core.incremental;

/**
 * The per-event loss of the incremental model and its gradient with respect to the user's correction
 * {@code delta}; the student's user vector is {@code z = base + delta} and scores {@code s(i) = z . y_i}:
 * <pre>
 *   L = (1 - alpha - beta) L_rank + alpha L_distill + beta L_drift
 *   L_rank    = w * mean_j softplus(-sign (s(p) - s(j)))           p: event item, j: sampled negatives,
 *                                                                  w: |behaviour weight| / buy weight,
 *                                                                  sign: -1 for negative behaviour (returns)
 *   L_distill = sum_r w_r / W * mean_j softplus(-(s(t_r) - s(j)))  t_r: the teacher's r-th item, r = 1..K,
 *                                                                  w_r = exp(-r / lambda), W = sum_r w_r
 *   L_drift   = |delta|^2 / 2                                      how far the new data moved the user
 *                                                                  from the vector fitted on history
 * </pre>
 * Distillation is pairwise ranking distillation (Tang and Wang, KDD 2018): the teacher's top items should
 * keep ranking above items it did not put first, the higher the more; unlike the drift term it lets the
 * correction move in directions that keep the teacher's order.
 */
public final class IncrementalLoss {

    private IncrementalLoss() {
    }

    /**
     * One event's training example.
     *
     * @param positive       factors of the event item
     * @param weight         |behaviour weight| relative to a purchase
     * @param sign           +1 to rank the item up, -1 to rank it down (a return)
     * @param negatives      factors of the sampled negatives (at least one)
     * @param distilled      factors of the teacher's top K, best first (may be empty)
     */
    public record Example(float[] positive, double weight, double sign, float[][] negatives, float[][] distilled) {
    }

    /** The loss terms of one example, unweighted. */
    public record Terms(double rank, double distill, double drift) {
        public double total(IncrementalConfig config) {
            return config.rankWeight() * rank + config.alpha() * distill + config.beta() * drift;
        }
    }

    /** Position weight of the teacher's r-th item (r = 1 for the best): {@code exp(-r / lambda)}. */
    public static double positionWeight(int r, double lambda) {
        if (r < 1) {
            throw new IllegalArgumentException("positions start at 1, got " + r);
        }
        return Math.exp(-r / lambda);
    }

    /**
     * The terms at {@code z = base + delta}; when {@code gradient} is not null it receives dL/d delta of the
     * weighted total.
     */
    public static Terms evaluate(float[] base, float[] delta, Example example, IncrementalConfig config,
                                 double[] gradient) {
        int rank = delta.length;
        double[] z = new double[rank];
        for (int f = 0; f < rank; f++) {
            z[f] = base[f] + delta[f];
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        int nNeg = example.negatives().length;
        double[] negScores = new double[nNeg];
        for (int j = 0; j < nNeg; j++) {
            negScores[j] = dot(z, example.negatives()[j]);
        }

        double sPos = dot(z, example.positive());
        double rank0 = 0;
        double rankScale = config.rankWeight() * example.weight() / nNeg;
        for (int j = 0; j < nNeg; j++) {
            double d = example.sign() * (sPos - negScores[j]);
            rank0 += softplus(-d);
            if (gradient != null && rankScale != 0) {
                double g = -sigmoid(-d) * example.sign() * rankScale;
                addDifference(gradient, g, example.positive(), example.negatives()[j]);
            }
        }
        rank0 = example.weight() * rank0 / nNeg;

        double distill = 0;
        int k = example.distilled().length;
        if (k > 0) {
            double total = 0;
            for (int r = 1; r <= k; r++) {
                total += positionWeight(r, config.lambda());
            }
            // The gradient sum_rj c_rj (t_r - y_j) is gathered as coefficients per vector: K + J additions, not K J.
            double[] negCoefficient = new double[nNeg];
            for (int r = 1; r <= k; r++) {
                float[] t = example.distilled()[r - 1];
                double w = positionWeight(r, config.lambda()) / total;
                double st = dot(z, t);
                double topCoefficient = 0;
                for (int j = 0; j < nNeg; j++) {
                    double d = st - negScores[j];
                    distill += w * softplus(-d) / nNeg;
                    double c = -sigmoid(-d) * w * config.alpha() / nNeg;
                    topCoefficient += c;
                    negCoefficient[j] -= c;
                }
                if (gradient != null && config.alpha() != 0) {
                    addScaled(gradient, topCoefficient, t);
                }
            }
            if (gradient != null && config.alpha() != 0) {
                for (int j = 0; j < nNeg; j++) {
                    addScaled(gradient, negCoefficient[j], example.negatives()[j]);
                }
            }
        }

        double drift = 0;
        for (int f = 0; f < rank; f++) {
            drift += 0.5 * (double) delta[f] * delta[f];
            if (gradient != null) {
                gradient[f] += config.beta() * delta[f];
            }
        }
        return new Terms(rank0, distill, drift);
    }

    private static void addDifference(double[] gradient, double g, float[] a, float[] b) {
        for (int f = 0; f < gradient.length; f++) {
            gradient[f] += g * ((double) a[f] - b[f]);
        }
    }

    private static void addScaled(double[] gradient, double c, float[] a) {
        for (int f = 0; f < gradient.length; f++) {
            gradient[f] += c * a[f];
        }
    }

    static double dot(double[] z, float[] y) {
        // Four running sums: independent additions the CPU overlaps (one sum waits on each add), about 3x faster
        // for rank 64; the list scoring takes thousands of these per event.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int f = 0;
        for (int end = z.length - 3; f < end; f += 4) {
            s0 += z[f] * y[f];
            s1 += z[f + 1] * y[f + 1];
            s2 += z[f + 2] * y[f + 2];
            s3 += z[f + 3] * y[f + 3];
        }
        for (; f < z.length; f++) {
            s0 += z[f] * y[f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** ln(1 + e^x), stable for large |x|. */
    static double softplus(double x) {
        return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }
}
