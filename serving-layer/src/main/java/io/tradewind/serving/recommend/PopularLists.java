package io.tradewind.serving.recommend;

import io.tradewind.core.popularity.PopularityTable;
import java.util.List;
import java.util.Map;

/**
 * The popularity tables of one version, held in memory: the cold-start answer, the padding of short lists, and
 * the whole answer while HBase is down. Small by construction: top-N items for the global group, each country
 * and each segment.
 */
public record PopularLists(
        List<PopularityTable.Entry> global,
        Map<String, List<PopularityTable.Entry>> byCountry,
        Map<String, List<PopularityTable.Entry>> bySegment) {

    public static final PopularLists EMPTY = new PopularLists(List.of(), Map.of(), Map.of());

    public List<PopularityTable.Entry> country(String country) {
        return country == null ? List.of() : byCountry.getOrDefault(country, List.of());
    }

    public List<PopularityTable.Entry> segment(String segment) {
        return segment == null ? List.of() : bySegment.getOrDefault(segment, List.of());
    }
}
