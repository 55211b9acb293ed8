package io.tradewind.serving.store;

import java.util.List;
import java.util.Map;

/** A version's registry entry, whatever its state (operators' view; the API reads {@link VersionInfo}). */
public record VersionStatus(String version, VersionState state, String asOf, List<String> models, String startedAt,
                            String loadedAt, Map<String, Long> rows, String error) {
    public VersionStatus {
        models = List.copyOf(models);
        rows = Map.copyOf(rows);
    }
}
