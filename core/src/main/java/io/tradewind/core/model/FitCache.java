package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers fitted models per training matrix and (name, params), so blends that share a component (the same
 * EASE or ALS fit under many blend weights) fit it once. Holds strong references: drop the cache with the
 * matrices it was used on.
 */
public final class FitCache {
    private final Map<Interactions, Map<String, FittedModel>> fits = new IdentityHashMap<>();

    /** The cached fit of {@code recommender} on {@code train}, fitting it on first use. */
    public synchronized FittedModel fit(Recommender recommender, Interactions train, ProgressListener progress) {
        Map<String, FittedModel> byModel = fits.computeIfAbsent(train, t -> new HashMap<>());
        String key = key(recommender);
        FittedModel fitted = byModel.get(key);
        if (fitted == null) {
            fitted = recommender.fit(train, progress);
            byModel.put(key, fitted);
        }
        return fitted;
    }

    /**
     * The identity of a fit: name and hyper-parameters. Settings outside {@link Recommender#params()} (seeds,
     * thread counts) must therefore agree between recommenders that share a cache.
     */
    public static String key(Recommender recommender) {
        return recommender.name() + recommender.params();
    }

    /** Forgets every fit made on {@code train}. */
    public synchronized void evict(Interactions train) {
        fits.remove(train);
    }
}
