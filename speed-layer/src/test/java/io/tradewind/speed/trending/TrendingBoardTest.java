package io.tradewind.speed.trending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingBoardTest {
    @Test
    void eachCountryKeepsItsBestItemsAndTiesGoToTheSmallerId() {
        List<WindowScore> scores = List.of(
                new WindowScore("GB", "A", 10, 6), new WindowScore("GB", "Z", 10, 5), new WindowScore("GB", "B", 10, 3),
                new WindowScore("FR", "C", 10, 2), new WindowScore("FR", "B", 10, 2), new WindowScore("DE", "A", 10, 1));
        assertEquals(Map.of("A", List.of("DE", "GB"), "Z", List.of("GB"), "B", List.of("FR"), "C", List.of("FR")),
                TrendingBoard.board(scores, 2));
        assertEquals(Map.of("A", List.of("DE", "GB"), "B", List.of("FR")), TrendingBoard.board(scores, 1));
    }

    @Test
    void windowsMustBeWholeSlides() {
        var error = assertThrows(IllegalArgumentException.class, () -> TrendingSettings.defaults()
                .withWindows(Duration.ofMinutes(50), Duration.ofMinutes(15), Duration.ZERO));
        assertEquals("the trending window (PT50M) must be a positive multiple of its slide (PT15M)", error.getMessage());
    }
}
