package io.tradewind.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionsTest {

    private static Interactions sample() {
        return Interactions.builder()
                .add("u2", "b", "inv1", 100)
                .add("u1", "c", "inv2", 50)
                .add("u1", "a", "inv2", 50)
                .add("u1", "a", "inv2", 60) // same basket again: still one purchase
                .add("u1", "a", "inv3", 40) // second basket, earlier
                .add("u2", "a", "inv4", 300)
                .build();
    }

    @Test
    void indexesUsersAndItemsInIdOrder() {
        Interactions x = sample();
        assertEquals(2, x.numUsers());
        assertEquals(3, x.numItems());
        assertEquals("u1", x.userId(0));
        assertEquals("u2", x.userId(1));
        assertEquals("a", x.itemId(0));
        assertEquals("b", x.itemId(1));
        assertEquals("c", x.itemId(2));
        assertEquals(1, x.userIndex("u2"));
        assertEquals(2, x.itemIndex("c"));
        assertEquals(-1, x.userIndex("nobody"));
        assertEquals(-1, x.itemIndex("z"));
    }

    @Test
    void countsDistinctBasketsAndKeepsTheLastPurchase() {
        Interactions x = sample();
        assertEquals(6, x.numLines());
        assertEquals(4, x.numPairs());
        UserHistory u1 = x.history(x.userIndex("u1"));
        assertArrayEquals(new int[] {0, 2}, u1.items());
        assertArrayEquals(new int[] {2, 1}, u1.counts());
        assertArrayEquals(new long[] {60, 50}, u1.lastMillis());
        UserHistory u2 = x.history(x.userIndex("u2"));
        assertArrayEquals(new int[] {0, 1}, u2.items());
        assertArrayEquals(new int[] {1, 1}, u2.counts());
    }

    @Test
    void knowsBuyersFirstSalesAndTimeRange() {
        Interactions x = sample();
        assertEquals(2, x.buyers(0));
        assertEquals(1, x.buyers(1));
        assertEquals(1, x.buyers(2));
        assertEquals(40, x.firstSaleMillis(0));
        assertEquals(100, x.firstSaleMillis(1));
        assertEquals(40, x.minMillis());
        assertEquals(300, x.maxMillis());
        assertTrue(x.bought(0, 2));
        assertFalse(x.bought(0, 1));
        assertEquals(2, x.userItemCount(0));
    }

    @Test
    void reExpressesAHistoryInAnotherMatrixItemIndices() {
        Interactions later = Interactions.builder()
                .add("u1", "c", "i1", 10)
                .add("u1", "new", "i1", 10)
                .add("u1", "a", "i2", 20)
                .add("u9", "a", "i3", 20)
                .build();
        Interactions x = sample();
        UserHistory h = x.historyFrom(later, later.userIndex("u1"));
        assertEquals(x.userIndex("u1"), h.user());
        assertArrayEquals(new int[] {0, 2}, h.items());
        assertEquals(-1, x.historyFrom(later, later.userIndex("u9")).user());
    }

    @Test
    void buildsOnlyOnce() {
        Interactions.Builder builder = Interactions.builder().add("u", "i", "b", 1);
        builder.build();
        assertThrows(IllegalStateException.class, () -> builder.add("u", "j", "b", 2));
    }
}
