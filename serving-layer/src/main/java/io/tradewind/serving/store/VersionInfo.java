package io.tradewind.serving.store;

import java.util.List;

/**
 * A batch-view version loaded into the serving stores: what it was computed as of, which models it publishes,
 * when it was loaded and whether it is the one serving now; with its metrics: the rows it loaded per table and its
 * manifest's offline evaluation (empty for versions loaded before the registry kept it, or without a hold-out).
 */
public record VersionInfo(String version, String asOf, List<String> models, String loadedAt, boolean active,
                          java.util.Map<String, Long> rows, java.util.Map<String, Object> evaluation) {
    public VersionInfo {
        models = List.copyOf(models);
        rows = rows == null ? java.util.Map.of() : java.util.Map.copyOf(rows);
        evaluation = evaluation == null ? java.util.Map.of() : evaluation;
    }
}
