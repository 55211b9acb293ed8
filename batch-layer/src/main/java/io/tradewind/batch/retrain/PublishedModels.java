package io.tradewind.batch.retrain;

import io.tradewind.core.model.AlsRecommender;
import io.tradewind.core.model.EaseRecommender;
import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.FreshBlendRecommender;
import io.tradewind.core.model.ItemKnnRecommender;
import io.tradewind.core.model.PopularityRecommender;
import io.tradewind.core.model.Recommender;
import java.util.List;

/**
 * The recommenders a retrain publishes, with the hyper-parameters the OR-T validation split chose
 * ({@code ./tradewind evaluate}; see the README's evaluation table). The blend is the serving default.
 */
public final class PublishedModels {
    private PublishedModels() {
    }

    /**
     * @param cache shared with the retrain's fits, so the blend reuses the EASE and ALS fitted on the same matrix
     */
    public static List<Recommender> defaults(FitCache cache) {
        return List.of(
                new PopularityRecommender(),
                new ItemKnnRecommender(25),
                new EaseRecommender(400),
                new AlsRecommender(64, 1.0, 0.3, 15),
                // Track B's validation choice (lambda 400, ALS weight 0.5, freshness 0.5, CF weight 0.1).
                new FreshBlendRecommender(FreshBlendRecommender.Settings.defaults().withCfWeight(0.1), cache));
    }
}
