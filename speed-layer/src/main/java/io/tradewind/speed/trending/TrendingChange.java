package io.tradewind.speed.trending;

import java.util.ArrayList;
import java.util.List;

/**
 * What the catalogue document of {@code item} should say after the window ending at {@code windowEnd}: the
 * countries where it is trending, sorted; empty when it just left every board.
 */
public record TrendingChange(String item, List<String> countries, long windowEnd) {
    public TrendingChange {
        // Flink copies records between chained operators with Kryo, which cannot rebuild the JDK's immutable lists
        // (List.of() arrives with a null backing array): keep a plain ArrayList.
        countries = new ArrayList<>(countries);
    }
}
