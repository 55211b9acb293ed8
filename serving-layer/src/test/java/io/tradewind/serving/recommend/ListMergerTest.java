package io.tradewind.serving.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.UserLists;
import java.time.Instant;
import io.tradewind.core.popularity.PopularityTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListMergerTest {
    private static final Instant AS_OF = Instant.parse("2011-12-01T00:00:00Z");
    private static final long AFTER = AS_OF.toEpochMilli() + 60_000;
    private static final long BEFORE = AS_OF.toEpochMilli() - 60_000;

    private static final List<ScoredItem> BATCH = List.of(
            new ScoredItem("A", 0.9f), new ScoredItem("B", 0.5f), new ScoredItem("C", 0.2f));

    @Test
    void newerRealtimeScoresReplaceBatchScoresAndAddItems() {
        List<ListMerger.Candidate> merged = ListMerger.merge(BATCH, "EASE", List.of(
                new RealtimeItem("C", 0.95f, "neighbour-of:85123A", AFTER),
                new RealtimeItem("D", 0.6f, "incremental", AFTER)), AS_OF, Set.of(), 10);

        assertEquals(List.of("C", "A", "D", "B"), merged.stream().map(ListMerger.Candidate::item).toList());
        assertEquals("realtime", merged.get(0).source());
        assertEquals("neighbour of 85123A", merged.get(0).because());
        assertEquals("model EASE", merged.get(1).because());
        assertEquals("incremental", merged.get(2).because());
    }

    @Test
    void realtimeEntriesTheBatchAlreadySawAreDropped() {
        List<ListMerger.Candidate> merged = ListMerger.merge(BATCH, "EASE", List.of(
                new RealtimeItem("C", 0.95f, "incremental", BEFORE),
                new RealtimeItem("Z", 0.99f, "incremental", AS_OF.toEpochMilli())), AS_OF, Set.of(), 10);

        assertEquals(List.of("A", "B", "C"), merged.stream().map(ListMerger.Candidate::item).toList());
        assertEquals(0.2, merged.get(2).score(), 1e-6);
    }

    @Test
    void excludedItemsGoAndTheListIsCutAtK() {
        List<ListMerger.Candidate> merged = ListMerger.merge(BATCH, "EASE",
                List.of(new RealtimeItem("D", 0.7f, "incremental", AFTER)), AS_OF, Set.of("A"), 2);

        assertEquals(List.of("D", "B"), merged.stream().map(ListMerger.Candidate::item).toList());
    }

    @Test
    void pastPurchasesAreWhatAllHasAboveTheLowestFreshScoreButFreshLacks() {
        UserLists lists = new UserLists(
                List.of(new ScoredItem("A", 0.9f), new ScoredItem("B", 0.7f), new ScoredItem("C", 0.5f),
                        new ScoredItem("D", 0.1f)),
                List.of(new ScoredItem("B", 0.7f), new ScoredItem("C", 0.5f)));

        assertEquals(Set.of("A", "X"), RecommendationService.pastPurchasesIn(lists, Set.of("X")),
                "A outranks fresh items yet is not fresh: bought; D ranks below the fresh cut-off: unknown");
        assertEquals(Set.of("A", "B"), RecommendationService.pastPurchasesIn(
                new UserLists(List.of(new ScoredItem("A", 1f), new ScoredItem("B", 1f)), List.of()), Set.of()));
    }

    @Test
    void paddingTakesSegmentThenCountryThenGlobalWithoutRepeats() {
        PopularLists popular = new PopularLists(
                List.of(new PopularityTable.Entry("G1", 90),
                        new PopularityTable.Entry("S1", 80)),
                Map.of("France", List.of(new PopularityTable.Entry("F1", 10))),
                Map.of("active", List.of(new PopularityTable.Entry("S1", 20),
                        new PopularityTable.Entry("A", 15))));
        List<ListMerger.Candidate> start = ListMerger.merge(BATCH.subList(0, 1), "EASE", List.of(), AS_OF, Set.of(), 5);

        List<ListMerger.Candidate> padded = RecommendationService.pad(start, popular, "active", "France", Set.of(), 4);

        assertEquals(List.of("A", "S1", "F1", "G1"), padded.stream().map(ListMerger.Candidate::item).toList());
        assertEquals("popular in segment active", padded.get(1).because());
        assertEquals("popular in France", padded.get(2).because());
        assertEquals("popular overall", padded.get(3).because());
    }
}
