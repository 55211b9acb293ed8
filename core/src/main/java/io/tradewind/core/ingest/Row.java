package io.tradewind.core.ingest;

import java.util.List;
import java.util.Map;

/** One CSV record seen through its file's header. Values are trimmed: padding in exports is never meaningful. */
final class Row {
    private final Map<String, Integer> columnIndex;
    private final List<String> values;

    Row(Map<String, Integer> columnIndex, List<String> values) {
        this.columnIndex = columnIndex;
        this.values = values;
    }

    /** The trimmed value; the column was checked against the header when the mapping was bound. */
    String get(String column) {
        return values.get(columnIndex.get(column)).trim();
    }
}
