package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.Map;

/**
 * A recommendation algorithm with fixed hyper-parameters. {@link #fit} learns from a purchase matrix and returns
 * the model that scores items for users; the recommender itself holds no learnt state and can be fitted again.
 *
 * <p>Implementations: {@link PopularityRecommender}, {@link RepeatRecommender}, {@link ItemKnnRecommender},
 * {@link EaseRecommender}, {@link AlsRecommender}, {@link FreshBlendRecommender}.
 */
public interface Recommender {

    /** Short model name as it appears in evaluation reports ("EASE", "ALS", ...). */
    String name();

    /** Hyper-parameters in a stable order, values JSON-friendly (numbers, strings, booleans). */
    Map<String, Object> params();

    /** Learns from {@code train}; reports progress of long fits to {@code progress}. */
    FittedModel fit(Interactions train, ProgressListener progress);
}
