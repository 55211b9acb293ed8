package io.tradewind.serving.store;

import java.util.List;
import java.util.Map;

/** A version's registry entry, whatever its state (operators' view; the API reads {@link VersionInfo}). */
public record VersionStatus(String version, VersionState state, String asOf, List<String> models, String startedAt,
                            String loadedAt, Map<String, Long> rows, String error, Map<String, Object> evaluation) {
    public VersionStatus {
        models = List.copyOf(models);
        rows = Map.copyOf(rows);
        evaluation = evaluation == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evaluation));
    }
}
