package io.tradewind.serving.recommend;

import java.time.Instant;
import java.util.List;

/**
 * The batch-view version serving now, with what every request needs from it held in memory.
 *
 * @param asOf real-time entries computed at or before this instant are already in the batch lists
 */
public record ActiveVersion(String version, Instant asOf, List<String> models, String defaultModel,
                            PopularLists popular) {
    public ActiveVersion {
        models = List.copyOf(models);
    }
}
