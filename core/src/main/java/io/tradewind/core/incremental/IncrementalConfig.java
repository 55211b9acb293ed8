package io.tradewind.core.incremental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the incremental (DIR) model. The loss is
 * {@code (1 - alpha - beta) L_rank + alpha L_distill + beta L_drift}; the list a user gets mixes the student's
 * factor score, the user's own items, neighbours of the user's recent items and trending items.
 *
 * <p>The constructor checks every value and names each one that is wrong, so a bad configuration fails at
 * start-up with a message, not later with NaN scores. {@link #defaults()} are the values chosen on the
 * validation variant of OR-INC (stale model before 2011-06-01, June–July replayed, tested on August; see the
 * README section "OR-INC").
 *
 * @param alpha            weight of the distillation term (teacher's top-K), in [0, 1)
 * @param beta             weight of the drift term (how far the user moved from the history), in [0, 1)
 * @param lambda           position-weight scale: the teacher's r-th item weighs {@code exp(-r / lambda)}, r = 1..K
 * @param distillK         K, how many of the teacher's top items are distilled
 * @param learningRate     SGD step size per event
 * @param negatives        sampled negatives per event (from the bounded candidate pool)
 * @param freshCapacity    most fresh items kept per user (the weakest, oldest are forgotten first)
 * @param cfWeight         weight of the student's factor score (normalised per user) in the list
 * @param ownWeight        weight of the user's own items (weight x recency, normalised per user) in the list
 * @param neighbourWeight  weight of neighbours of the user's recent items in the list
 * @param trendingWeight   weight of trending items in the list
 * @param decayDays        time constant of the recency decay of own items and neighbour sources
 * @param recentSources    how many of the user's most recent items lend their neighbours to the list
 */
public record IncrementalConfig(double alpha, double beta, double lambda, int distillK, double learningRate,
                                int negatives, int freshCapacity, double cfWeight, double ownWeight,
                                double neighbourWeight, double trendingWeight, double decayDays, int recentSources) implements java.io.Serializable {

    public IncrementalConfig {
        List<String> errors = new ArrayList<>();
        check(errors, alpha >= 0 && alpha < 1, "alpha must be in [0, 1), got " + alpha);
        check(errors, beta >= 0 && beta < 1, "beta must be in [0, 1), got " + beta);
        check(errors, !(alpha + beta >= 1), "alpha + beta must be below 1 (the ranking term needs a positive weight), got "
                + alpha + " + " + beta);
        check(errors, lambda > 0 && Double.isFinite(lambda), "lambda must be a positive finite number, got " + lambda);
        check(errors, distillK >= 1, "distillK must be at least 1, got " + distillK);
        check(errors, learningRate > 0 && Double.isFinite(learningRate),
                "learningRate must be a positive finite number, got " + learningRate);
        check(errors, negatives >= 1, "negatives must be at least 1, got " + negatives);
        check(errors, freshCapacity >= 1, "freshCapacity must be at least 1, got " + freshCapacity);
        check(errors, cfWeight >= 0 && Double.isFinite(cfWeight), "cfWeight must be >= 0, got " + cfWeight);
        check(errors, ownWeight >= 0 && Double.isFinite(ownWeight), "ownWeight must be >= 0, got " + ownWeight);
        check(errors, neighbourWeight >= 0 && Double.isFinite(neighbourWeight),
                "neighbourWeight must be >= 0, got " + neighbourWeight);
        check(errors, trendingWeight >= 0 && Double.isFinite(trendingWeight),
                "trendingWeight must be >= 0, got " + trendingWeight);
        check(errors, decayDays > 0 && Double.isFinite(decayDays), "decayDays must be a positive finite number, got "
                + decayDays);
        check(errors, recentSources >= 0, "recentSources must be >= 0, got " + recentSources);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid incremental model configuration: " + String.join("; ", errors));
        }
    }

    private static void check(List<String> errors, boolean ok, String message) {
        if (!ok) {
            errors.add(message);
        }
    }

    /** The values chosen on the OR-INC validation variant. */
    public static IncrementalConfig defaults() {
        return new IncrementalConfig(0.3, 0.1, 5.0, 20, 0.05, 4, 200, 0.5, 1.0, 0.3, 0.3, 60.0, 50);
    }

    /** {@code 1 - alpha - beta}: the weight of the ranking term. */
    public double rankWeight() {
        return 1.0 - alpha - beta;
    }

    public IncrementalConfig withAlpha(double value) {
        return new IncrementalConfig(value, beta, lambda, distillK, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withBeta(double value) {
        return new IncrementalConfig(alpha, value, lambda, distillK, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withLambda(double value) {
        return new IncrementalConfig(alpha, beta, value, distillK, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withDistillK(int value) {
        return new IncrementalConfig(alpha, beta, lambda, value, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withLearningRate(double value) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, value, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withNegatives(int value) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, learningRate, value, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    public IncrementalConfig withFreshCapacity(int value) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, learningRate, negatives, value, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, recentSources);
    }

    /** The list mix: factor score, own items, neighbours, trending. */
    public IncrementalConfig withMix(double cf, double own, double neighbour, double trending) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, learningRate, negatives, freshCapacity, cf, own,
                neighbour, trending, decayDays, recentSources);
    }

    public IncrementalConfig withDecayDays(double value) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, value, recentSources);
    }

    public IncrementalConfig withRecentSources(int value) {
        return new IncrementalConfig(alpha, beta, lambda, distillK, learningRate, negatives, freshCapacity, cfWeight,
                ownWeight, neighbourWeight, trendingWeight, decayDays, value);
    }

    /** Values in a stable order, JSON-friendly, for reports. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        p.put("beta", beta);
        p.put("lambda", lambda);
        p.put("K", distillK);
        p.put("lr", learningRate);
        p.put("negatives", negatives);
        p.put("freshCapacity", freshCapacity);
        p.put("cfWeight", cfWeight);
        p.put("ownWeight", ownWeight);
        p.put("neighbourWeight", neighbourWeight);
        p.put("trendingWeight", trendingWeight);
        p.put("decayDays", decayDays);
        p.put("recentSources", recentSources);
        return p;
    }
}
