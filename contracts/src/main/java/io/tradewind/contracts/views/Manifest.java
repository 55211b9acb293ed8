package io.tradewind.contracts.views;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a batch-view version is, what it was computed from and how good its models were.
 * Written last, so its presence marks a complete version.
 */
public record Manifest(
        String version,
        String asOf,
        String createdAt,
        Input input,
        Map<String, Long> rowCounts,
        List<String> segments,
        List<ModelEntry> models,
        Map<String, Object> evaluation,
        Map<String, Double> stageSeconds) {

    /** The slice of the master data set the version saw. */
    public record Input(String eventsUri, long events, String portraitWindowStart, String holdoutStart, long users,
                        long buyers, long items, long pairs) {
    }

    /** A published model: its name, parameters and fit time. */
    public record ModelEntry(String name, Map<String, Object> params, double fitSeconds, String topListFile) {
    }
}
