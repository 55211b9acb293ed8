package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "FreshBlend", Tradewind's own model: a repeat-aware blend of EASE and ALS with freshness-normalised scores.
 *
 * <p>score(u, i) = own(u, i) / max_j own(u, j) + cfWeight * (ease'(u, i) + alsWeight * als'(u, i)), where
 * <ul>
 *   <li>{@code own(u, i)} is non-zero only for items the user bought:
 *       {@code count * exp(-age / decayDays) * repeatRate(i)^repeatRateExponent * liveness(i)^livenessExponent};
 *       {@code repeatRate(i)} is the share of the item's buyers who bought it in two or more baskets (shrunk
 *       towards the catalogue-wide share with a weight of 5 buyers), {@code liveness(i)} the share of its
 *       buyers whose last purchase is within {@code recentDays} of the end of the training data (+1 smoothed);
 *       so items people rebuy, and items still selling, come first among the user's own items;</li>
 *   <li>{@code ease'} and {@code als'} are the EASE and ALS scores, each multiplied by a freshness factor
 *       {@code (daysOnSale(i) + 1)^-freshness} (divided, for negative scores, so newer always gains) and
 *       divided by the user's largest such score. Co-purchase counts grow with the time an item has been on
 *       sale, so raw scores under-rate items launched recently; the factor turns them towards a rate.</li>
 * </ul>
 * When only new items are wanted (the user's own items removed from the list), the blend is the fresh EASE+ALS
 * mix. Components are fitted through a {@link FitCache} when one is given, so a grid over the blend weights
 * fits each EASE and ALS once.
 */
public final class FreshBlendRecommender implements Recommender {
    private static final double DAY_MILLIS = 86_400_000.0;
    private static final double REPEAT_PRIOR_WEIGHT = 5.0;

    private final Settings settings;
    private final FitCache cache;

    /**
     * Blend settings.
     *
     * @param easeLambda          EASE regularisation
     * @param alsWeight           weight of the ALS part relative to EASE (0: no ALS fit at all)
     * @param als                 the ALS component (used when {@code alsWeight > 0})
     * @param freshness           exponent of the freshness factor (0: raw scores)
     * @param cfWeight            weight of the collaborative part relative to the user's own items
     * @param repeatRateExponent  exponent of the item repeat rate in the own-item score
     * @param livenessExponent    exponent of the item liveness in the own-item score
     * @param decayDays           time constant of the own-item recency decay
     * @param recentDays          window of "still selling" for liveness
     */
    public record Settings(double easeLambda, double alsWeight, AlsRecommender als, double freshness,
                           double cfWeight, double repeatRateExponent, double livenessExponent, double decayDays,
                           double recentDays) {

        /** EASE lambda 400 + ALS (64 factors, alpha 1, reg 0.3, 15 iterations) at weight 0.5, freshness 0.5. */
        public static Settings defaults() {
            return new Settings(400, 0.5, new AlsRecommender(64, 1.0, 0.3, 15), 0.5, 0.3, 1.0, 0.5, 365, 30);
        }

        public Settings withEase(double lambda) {
            return new Settings(lambda, alsWeight, als, freshness, cfWeight, repeatRateExponent, livenessExponent,
                    decayDays, recentDays);
        }

        public Settings withAlsWeight(double weight) {
            return new Settings(easeLambda, weight, als, freshness, cfWeight, repeatRateExponent, livenessExponent,
                    decayDays, recentDays);
        }

        public Settings withAls(AlsRecommender component) {
            return new Settings(easeLambda, alsWeight, component, freshness, cfWeight, repeatRateExponent,
                    livenessExponent, decayDays, recentDays);
        }

        public Settings withFreshness(double exponent) {
            return new Settings(easeLambda, alsWeight, als, exponent, cfWeight, repeatRateExponent, livenessExponent,
                    decayDays, recentDays);
        }

        public Settings withCfWeight(double weight) {
            return new Settings(easeLambda, alsWeight, als, freshness, weight, repeatRateExponent, livenessExponent,
                    decayDays, recentDays);
        }

        public Settings withRepeatRateExponent(double exponent) {
            return new Settings(easeLambda, alsWeight, als, freshness, cfWeight, exponent, livenessExponent,
                    decayDays, recentDays);
        }

        public Settings withLivenessExponent(double exponent) {
            return new Settings(easeLambda, alsWeight, als, freshness, cfWeight, repeatRateExponent, exponent,
                    decayDays, recentDays);
        }
    }

    public FreshBlendRecommender(Settings settings) {
        this(settings, null);
    }

    /** With a shared cache for the EASE and ALS components ({@code null}: fit them every time). */
    public FreshBlendRecommender(Settings settings, FitCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "FreshBlend";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lambda", settings.easeLambda);
        params.put("alsWeight", settings.alsWeight);
        if (settings.alsWeight > 0) {
            settings.als.params().forEach((key, value) -> params.put("als" + Character.toUpperCase(key.charAt(0))
                    + key.substring(1), value));
        }
        params.put("freshness", settings.freshness);
        params.put("cfWeight", settings.cfWeight);
        params.put("repeatRate", settings.repeatRateExponent);
        params.put("liveness", settings.livenessExponent);
        return params;
    }

    /** The models this blend fits and combines: EASE, and ALS when its weight is positive. */
    public List<Recommender> components() {
        return settings.alsWeight > 0 ? List.of(ease(), settings.als) : List.of(ease());
    }

    private EaseRecommender ease() {
        return new EaseRecommender(settings.easeLambda);
    }

    @Override
    public FittedModel fit(Interactions train, ProgressListener progress) {
        FittedModel ease = component(ease(), train, progress);
        FittedModel als = settings.alsWeight > 0 ? component(settings.als, train, progress) : null;
        int n = train.numItems();
        double now = train.maxMillis();

        double[] fresh = new double[n];
        for (int i = 0; i < n; i++) {
            double daysOnSale = Math.max(0.0, (now - train.firstSaleMillis(i)) / DAY_MILLIS);
            fresh[i] = Math.pow(daysOnSale + 1.0, -settings.freshness);
        }

        int[] repeatBuyers = new int[n];
        int[] recentBuyers = new int[n];
        long recentFrom = (long) (now - settings.recentDays * DAY_MILLIS);
        int allRepeats = 0;
        for (int p = 0; p < train.numPairs(); p++) {
            int item = train.pairItem[p];
            if (train.pairCount[p] > 1) {
                repeatBuyers[item]++;
                allRepeats++;
            }
            if (train.pairLastMillis[p] >= recentFrom) {
                recentBuyers[item]++;
            }
        }
        double priorRepeatRate = train.numPairs() == 0 ? 0 : (double) allRepeats / train.numPairs();
        double[] itemWeight = new double[n];
        for (int i = 0; i < n; i++) {
            double repeatRate = (repeatBuyers[i] + REPEAT_PRIOR_WEIGHT * priorRepeatRate)
                    / (train.buyers(i) + REPEAT_PRIOR_WEIGHT);
            double liveness = (recentBuyers[i] + 1.0) / (train.buyers(i) + 1.0);
            itemWeight[i] = Math.pow(repeatRate, settings.repeatRateExponent)
                    * Math.pow(liveness, settings.livenessExponent);
        }
        return new Fitted(train, settings, ease, als, fresh, itemWeight);
    }

    private FittedModel component(Recommender recommender, Interactions train, ProgressListener progress) {
        return cache == null ? recommender.fit(train, progress) : cache.fit(recommender, train, progress);
    }

    private static final class Fitted implements FittedModel {
        private final Interactions train;
        private final Settings settings;
        private final FittedModel ease;
        private final FittedModel als;
        private final double[] fresh;
        private final double[] itemWeight;

        Fitted(Interactions train, Settings settings, FittedModel ease, FittedModel als, double[] fresh,
               double[] itemWeight) {
            this.train = train;
            this.settings = settings;
            this.ease = ease;
            this.als = als;
            this.fresh = fresh;
            this.itemWeight = itemWeight;
        }

        @Override
        public Interactions train() {
            return train;
        }

        @Override
        public void score(UserHistory history, double[] out) {
            int n = train.numItems();
            ease.score(history, out);
            freshenAndNormalise(out, n);
            if (als != null) {
                double[] part = new double[n];
                als.score(history, part);
                freshenAndNormalise(part, n);
                for (int i = 0; i < n; i++) {
                    out[i] += settings.alsWeight * part[i];
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] *= settings.cfWeight;
            }
            addOwnItems(history, out);
        }

        private void freshenAndNormalise(double[] scores, int n) {
            double max = 0;
            for (int i = 0; i < n; i++) {
                double s = scores[i];
                s = s > 0 ? s * fresh[i] : s / fresh[i];
                scores[i] = s;
                max = Math.max(max, s);
            }
            if (max > 0) {
                for (int i = 0; i < n; i++) {
                    scores[i] /= max;
                }
            }
        }

        private void addOwnItems(UserHistory history, double[] out) {
            int size = history.size();
            if (size == 0) {
                return;
            }
            double[] own = new double[size];
            double max = 0;
            double now = train.maxMillis();
            for (int k = 0; k < size; k++) {
                int item = history.items()[k];
                double ageDays = Math.max(0.0, (now - history.lastMillis()[k]) / DAY_MILLIS);
                own[k] = history.counts()[k] * Math.exp(-ageDays / settings.decayDays) * itemWeight[item];
                max = Math.max(max, own[k]);
            }
            if (max <= 0) {
                return;
            }
            for (int k = 0; k < size; k++) {
                out[history.items()[k]] += own[k] / max;
            }
        }
    }
}
