package io.tradewind.serving.store;

import java.util.List;

/**
 * A batch-view version loaded into the serving stores: what it was computed as of, which models it publishes,
 * when it was loaded and whether it is the one serving now.
 */
public record VersionInfo(String version, String asOf, List<String> models, String loadedAt, boolean active) {
    public VersionInfo {
        models = List.copyOf(models);
    }
}
