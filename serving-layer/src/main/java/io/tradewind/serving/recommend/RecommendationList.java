package io.tradewind.serving.recommend;

import java.util.List;

/**
 * The answer to {@code GET /v1/users/{id}/recommendations}.
 *
 * @param stratum   {@code known} (the model has a list), {@code segment} (a portrait but no list),
 *                  {@code new} (in the portraits without purchases) or {@code unknown} (never seen)
 * @param segment   the segment whose popular items pad the list: the live one when the speed layer moved the user
 *                  under this version, else the portrait's
 * @param degraded  true when a store was down and the list came from the popular lists held in memory
 */
public record RecommendationList(
        String user,
        String version,
        String model,
        String track,
        String stratum,
        String segment,
        boolean degraded,
        List<Recommendation> items) {
}
