package io.tradewind.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The netting rule of {@link PurchaseNetting}: returns take units back from the latest earlier purchases. */
class PurchaseNettingTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void aFullReturnLeavesNothing() {
        // Online Retail's customer 12346: 74,215 units of one item on invoice 541431, all returned by C541433.
        long[] kept = PurchaseNetting.netQuantities(new long[] {10 * HOUR, 10 * HOUR + 16 * 60_000}, new long[] {74_215, -74_215});
        assertArrayEquals(new long[] {0, 0}, kept);
        assertEquals(0, PurchaseNetting.netQuantity(new long[] {1, 2}, new long[] {74_215, -74_215}));
    }

    @Test
    void aPartialReturnKeepsTheRest() {
        assertArrayEquals(new long[] {7, 0}, PurchaseNetting.netQuantities(new long[] {1, 2}, new long[] {10, -3}));
    }

    @Test
    void aReturnTakesFromTheLatestPurchasesFirstAndSpillsToEarlierOnes() {
        long[] kept = PurchaseNetting.netQuantities(new long[] {1 * HOUR, 2 * HOUR, 3 * HOUR},
                new long[] {4, 6, -8});
        assertArrayEquals(new long[] {2, 0, 0}, kept, "the basket at 2h is wholly returned, 2 of 4 kept at 1h");
    }

    @Test
    void aReturnWithoutAPurchaseIsIgnored() {
        assertArrayEquals(new long[] {0}, PurchaseNetting.netQuantities(new long[] {5}, new long[] {-12}));
        assertArrayEquals(new long[] {0, 0, 3}, PurchaseNetting.netQuantities(new long[] {1, 2, 3},
                new long[] {-5, -1, 3}), "returns of purchases from before the data never reduce a later one");
    }

    @Test
    void aReturnBeforeThePurchaseInTimeDoesNotTakeItBack() {
        // Given out of time order: the return is the earlier line, so it cannot refer to the purchase.
        assertArrayEquals(new long[] {5, 0}, PurchaseNetting.netQuantities(new long[] {2 * HOUR, HOUR},
                new long[] {5, -5}));
    }

    @Test
    void moreReturnedThanBoughtNeverGoesNegative() {
        assertArrayEquals(new long[] {0, 0, 4}, PurchaseNetting.netQuantities(new long[] {1, 2, 3},
                new long[] {3, -10, 4}), "the excess is not carried to the later purchase");
    }

    @Test
    void atOneTimeStampThePurchaseComesFirst() {
        assertArrayEquals(new long[] {0, 0}, PurchaseNetting.netQuantities(new long[] {7, 7}, new long[] {-2, 2}));
    }

    @Test
    void rejectsLinesOfUnequalLength() {
        assertThrows(IllegalArgumentException.class, () -> PurchaseNetting.netQuantities(new long[1], new long[2]));
    }

    @Test
    void purchaseLinesCountOccasionsNotWhollyReturned() {
        PurchaseLines lines = new PurchaseLines();
        lines.add("A", 1 * HOUR, 2);
        lines.add("B", 1 * HOUR, 1);   // same basket, another item
        lines.add("A", 2 * HOUR, 5);
        lines.add("A", 3 * HOUR, -5);  // takes the whole 2h basket back
        lines.add("B", 4 * HOUR, -1);  // takes B of the 1h basket back; A keeps it alive
        lines.add("C", 5 * HOUR, -9);  // nothing to take back
        assertEquals(java.util.List.of(1 * HOUR), java.util.List.copyOf(lines.keptOccasions()));
        assertEquals(java.util.List.of(1 * HOUR, 2 * HOUR), java.util.List.copyOf(lines.keptOccasions(3 * HOUR)),
                "what a count at 3h saw: the return came later");
        lines.forgetBefore(2 * HOUR);
        assertEquals(4, lines.size());
        assertEquals(java.util.List.of(), java.util.List.copyOf(lines.keptOccasions()));
    }
}
