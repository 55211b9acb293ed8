package io.tradewind.contracts.views;

import io.tradewind.core.popularity.PopularityTable;
import java.util.List;

/** One row of {@code popularity.jsonl}: the most-bought items of a group (global, a country, a segment). */
public record PopularityView(String scope, String group, List<PopularityTable.Entry> items) {
    public static final String GLOBAL = "global";
    public static final String COUNTRY = "country";
    public static final String SEGMENT = "segment";
}
