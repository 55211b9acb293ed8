package io.tradewind.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BehaviourWeightsTest {
    @Test
    void defaultsRankViewBelowPurchaseAndReturnsNegative() {
        BehaviourWeights w = BehaviourWeights.DEFAULT;
        assertTrue(w.of(EventType.VIEW) < w.of(EventType.FAV));
        assertTrue(w.of(EventType.FAV) < w.of(EventType.CART));
        assertTrue(w.of(EventType.CART) < w.of(EventType.BUY));
        assertTrue(w.of(EventType.RETURN) < 0);
        assertEquals(0.0, w.of(EventType.SEARCH));
    }

    @Test
    void parseOverridesNamedTypesAndRoundTrips() {
        BehaviourWeights w = BehaviourWeights.parse(" VIEW=0.5 , buy=10");
        assertEquals(0.5, w.of(EventType.VIEW));
        assertEquals(10.0, w.of(EventType.BUY));
        assertEquals(BehaviourWeights.DEFAULT.of(EventType.CART), w.of(EventType.CART));
        assertEquals(w.toString(), BehaviourWeights.parse(w.toString()).toString());
    }

    @Test
    void badSpecsNameWhatIsWrong() {
        assertEquals("behaviour weight 'click=1': unknown type 'click' (types: view, fav, cart, buy, return, search)",
                assertThrows(IllegalArgumentException.class, () -> BehaviourWeights.parse("click=1")).getMessage());
        assertEquals("behaviour weight 'view': expected type=number, e.g. view=1",
                assertThrows(IllegalArgumentException.class, () -> BehaviourWeights.parse("view")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BehaviourWeights.parse("view=9"))
                .getMessage().startsWith("weights must rise 0 < view < fav < cart < buy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BehaviourWeights.parse("return=1"))
                .getMessage().startsWith("the weight of return must be negative"));
    }
}
