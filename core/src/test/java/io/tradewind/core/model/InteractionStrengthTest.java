package io.tradewind.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class InteractionStrengthTest {
    @Test
    void aPurchaseLogCountsBasketsLessReturnsAsBefore() {
        InteractionStrength s = InteractionStrength.of(BehaviourWeights.DEFAULT, EnumSet.of(EventType.BUY, EventType.RETURN));

        assertEquals(5.0, s.unit());
        assertEquals(3, s.count(3, 0));
        assertEquals(2, s.count(3, BehaviourWeights.DEFAULT.of(EventType.RETURN)));
        assertEquals(0, s.count(1, BehaviourWeights.DEFAULT.of(EventType.RETURN)), "bought and returned: left out");
        assertEquals(1, s.popularityWeight(5.0));
    }

    @Test
    void aClickLogKeepsViewFavCartBuyApart() {
        InteractionStrength s = InteractionStrength.of(BehaviourWeights.DEFAULT, EnumSet.allOf(EventType.class));

        assertEquals(1.0, s.unit());
        assertEquals(1, s.count(0, 1.0));
        assertEquals(3, s.count(0, 1.0 + 2.0), "a view and a fav");
        assertEquals(9, s.count(1, 1.0 + 3.0), "a view, a cart add and a purchase");
        assertEquals(0, s.popularityWeight(-5.0));
        assertEquals(5, s.popularityWeight(5.0));
    }

    @Test
    void configuredWeightsChangeTheCounts() {
        BehaviourWeights w = BehaviourWeights.parse("view=0.5,buy=10");
        InteractionStrength s = InteractionStrength.of(w, EnumSet.of(EventType.VIEW, EventType.BUY));

        assertEquals(0.5, s.unit());
        assertEquals(21, s.count(1, 0.5));
    }
}
