package io.tradewind.core.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentInteractionsTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void weighsTypesAndFadesWithEventTime() {
        RecentInteractions recent = new RecentInteractions(10, HOUR);
        recent.add(event("A", EventType.VIEW, 0), BehaviourWeights.DEFAULT);
        recent.add(event("B", EventType.BUY, 0), BehaviourWeights.DEFAULT);
        recent.add(event("A", EventType.VIEW, HOUR), BehaviourWeights.DEFAULT);

        List<RecentInteractions.Interaction> now = recent.strongestAt(HOUR);
        assertEquals(List.of("B", "A"), now.stream().map(RecentInteractions.Interaction::item).toList());
        assertEquals(2.5, now.get(0).weight(), 1e-9); // buy 5, one half-life ago
        assertEquals(1.5, now.get(1).weight(), 1e-9); // view 1 half-faded, plus a fresh view 1
    }

    @Test
    void aReturnTakesBackItsPurchaseAndSearchesAddNothing() {
        RecentInteractions recent = new RecentInteractions(10, HOUR);
        recent.add(event("A", EventType.BUY, 0), BehaviourWeights.DEFAULT);
        recent.add(event("A", EventType.RETURN, 0), BehaviourWeights.DEFAULT);
        recent.add(new BehaviourEvent("s", "u", "", EventType.SEARCH, 0, 1, null, null, null, null, "lamp", null, "t"),
                BehaviourWeights.DEFAULT);

        assertTrue(recent.strongestAt(0).isEmpty());
        assertEquals(1, recent.size());
    }

    @Test
    void lateEventsCountAsOfTheirOwnTimeAndOrderDoesNotMatter() {
        RecentInteractions inOrder = new RecentInteractions(10, HOUR);
        inOrder.add(event("A", EventType.VIEW, 0), BehaviourWeights.DEFAULT);
        inOrder.add(event("A", EventType.CART, 2 * HOUR), BehaviourWeights.DEFAULT);
        RecentInteractions late = new RecentInteractions(10, HOUR);
        late.add(event("A", EventType.CART, 2 * HOUR), BehaviourWeights.DEFAULT);
        late.add(event("A", EventType.VIEW, 0), BehaviourWeights.DEFAULT);

        assertEquals(inOrder.strongestAt(2 * HOUR), late.strongestAt(2 * HOUR));
        assertEquals(3.25, late.strongestAt(2 * HOUR).get(0).weight(), 1e-9);
    }

    @Test
    void forgetsTheWeakestPastCapacity() {
        RecentInteractions recent = new RecentInteractions(2, HOUR);
        recent.add(event("A", EventType.CART, 0), BehaviourWeights.DEFAULT);
        recent.add(event("B", EventType.VIEW, 0), BehaviourWeights.DEFAULT);
        recent.add(event("C", EventType.FAV, 0), BehaviourWeights.DEFAULT);

        assertEquals(List.of("A", "C"), recent.strongestAt(0).stream().map(RecentInteractions.Interaction::item).toList());
    }

    @Test
    void neighbourCandidatesSumInterestTimesSimilarityAndNameTheStrongestCause() {
        List<RecentInteractions.Interaction> recent = List.of(
                new RecentInteractions.Interaction("A", 2.0, 0), new RecentInteractions.Interaction("B", 1.0, 0));
        Map<String, List<NeighbourCandidates.Neighbour>> nb = Map.of(
                "A", List.of(new NeighbourCandidates.Neighbour("X", 0.1), new NeighbourCandidates.Neighbour("B", 0.9)),
                "B", List.of(new NeighbourCandidates.Neighbour("X", 0.5), new NeighbourCandidates.Neighbour("Y", 0.4),
                        new NeighbourCandidates.Neighbour("Z", 0.9)));

        List<NeighbourCandidates.Candidate> out = NeighbourCandidates.score(recent, i -> nb.getOrDefault(i, List.of()),
                Set.of("Z"), 3);

        assertEquals(List.of("B", "X", "Y"), out.stream().map(NeighbourCandidates.Candidate::item).toList());
        assertEquals(1.8, out.get(0).score(), 1e-9);
        assertEquals(0.7, out.get(1).score(), 1e-9);
        assertEquals("neighbour-of:B", out.get(1).reason()); // 0.5 from B beats 0.2 from A
        assertEquals(2, NeighbourCandidates.score(recent, i -> nb.getOrDefault(i, List.of()), Set.of("Z"), 2).size());
    }

    private static BehaviourEvent event(String item, EventType type, long millis) {
        return new BehaviourEvent(item + type + millis, "u", item, type, millis, 1, null, null, null, null, null, null, "t");
    }
}
