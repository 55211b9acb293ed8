package io.tradewind.serving.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load wrote: rows per view file (each equal to the manifest's count, or the load would have failed), the
 * files the manifest lists that the serving tables do not hold (the ALS factors, read by the speed layer from
 * the views), and whether the version was already READY (a reload rewrites the same cells).
 */
public record LoadSummary(String version, Map<String, Long> rowsPerFile, List<String> notLoaded, boolean reload,
                          long millis) {
    public LoadSummary {
        rowsPerFile = Collections.unmodifiableMap(new TreeMap<>(rowsPerFile));
        notLoaded = List.copyOf(notLoaded);
    }

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
