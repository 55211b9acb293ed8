package io.tradewind.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The "one formula" guarantee: a user's live RFM, the batch version's totals at its as-of plus the totals of the
 * events since ({@link PurchaseLedger}), equals the RFM the batch computes over the whole history.
 */
class LiveRfmTest {
    private static final long DAY = 86_400_000L;
    private static final long AS_OF = PortraitBuilderTest.millis("2011-12-01T00:00:00");
    private static final long NOW = AS_OF + 3 * DAY + 3_600_000L;

    @Test
    void batchTotalsPlusTheEventsSinceEqualTheBatchOverTheWholeHistory() {
        Random random = new Random(11);
        for (int u = 0; u < 200; u++) {
            List<BehaviourEvent> history = history("u" + u, random);
            assertSameRfm(history, "u" + u);
        }
    }

    @Test
    void edgeCasesAgreeToo() {
        // A basket spanning the as-of time stamp, a return before the as-of that the later purchases outweigh, a
        // buyer known to the batch only by views, and a price-less source.
        assertSameRfm(List.of(
                event("a", EventType.BUY, AS_OF - DAY, 3.0, 2),
                event("a", EventType.BUY, AS_OF, 1.0, 1),
                event("a", EventType.BUY, AS_OF, 2.0, 1)), "a");
        assertSameRfm(List.of(
                event("r", EventType.RETURN, AS_OF - 2 * DAY, 40.0, 1),
                event("r", EventType.BUY, AS_OF + DAY, 25.0, 1),
                event("r", EventType.BUY, AS_OF + 2 * DAY, 25.0, 1)), "r");
        assertSameRfm(List.of(
                event("v", EventType.VIEW, AS_OF - DAY, 3.0, 1),
                event("v", EventType.BUY, AS_OF + DAY, 3.0, 1)), "v");
        BehaviourEvent unpriced = new BehaviourEvent("x", "p", "I", EventType.BUY, AS_OF + DAY, 1, null, null, null,
                null, null, null, "test");
        assertSameRfm(List.of(event("p", EventType.VIEW, AS_OF - DAY, 1.0, 1), unpriced), "p");
        assertNull(live(List.of(unpriced), "p").monetary(), "no price anywhere: monetary unknown, not 0");
    }

    @Test
    void aBasketReturnedInTheStreamLeavesTheLiveFrequencyAsItLeavesTheBatchs() {
        List<BehaviourEvent> history = List.of(
                event("s", "A", EventType.BUY, AS_OF - 10 * DAY, 4.0, 3),
                event("s", "A", EventType.BUY, AS_OF + DAY, 4.0, 2),
                event("s", "B", EventType.BUY, AS_OF + DAY, 1.0, 1),
                event("s", "A", EventType.RETURN, AS_OF + 2 * DAY, 4.0, 2),
                event("s", "B", EventType.RETURN, AS_OF + 2 * DAY, 1.0, 1));
        assertSameRfm(history, "s");
        assertEquals(1, live(history, "s").frequency(), "the streamed basket came back whole");
    }

    @Test
    void aStreamedReturnOfABatchPurchase() {
        // The batch counted the basket before its as-of; the speed layer's ledger holds it only within its rollback
        // horizon (a stream that ran before the as-of). Holding it, the return takes the occasion off at once.
        BehaviourEvent bought = event("h", "A", EventType.BUY, AS_OF - DAY, 4.0, 3);
        BehaviourEvent kept = event("h", "B", EventType.BUY, AS_OF - 5 * DAY, 1.0, 1);
        BehaviourEvent returned = event("h", "A", EventType.RETURN, AS_OF + DAY, 4.0, 3);
        UserActivity batch = new UserActivity("h");
        List.of(bought, kept).forEach(batch::add);
        PurchaseLedger ledger = new PurchaseLedger();
        List.of(bought, kept, returned).forEach(ledger::add);
        PurchaseTotals live = batch.purchaseTotals().plus(ledger.totalsSince(AS_OF));
        UserActivity whole = new UserActivity("h");
        List.of(bought, kept, returned).forEach(whole::add);
        assertEquals(whole.purchaseTotals().occasions(), live.occasions());
        assertEquals(whole.purchaseTotals().netValue(), live.netValue(), 1e-9);
        assertEquals(1, live.occasions());
        assertEquals(AS_OF - DAY, live.lastPurchaseMillis(),
                "recency keeps the batch's last purchase until the next retrain (known gap)");

        // Not holding it (bought before the stream began), the return is unmatched in the ledger: value off at once,
        // the occasion at the next retrain.
        PurchaseLedger late = new PurchaseLedger();
        late.add(returned);
        PurchaseTotals lateLive = batch.purchaseTotals().plus(late.totalsSince(AS_OF));
        assertEquals(2, lateLive.occasions());
        assertEquals(whole.purchaseTotals().netValue(), lateLive.netValue(), 1e-9);
    }

    @Test
    void aLedgerForgetsWhatTheBatchHasCounted() {
        PurchaseLedger ledger = new PurchaseLedger();
        ledger.add(event("u", EventType.BUY, AS_OF - DAY, 2.0, 1));
        ledger.add(event("u", EventType.VIEW, AS_OF + DAY, 2.0, 1));
        ledger.add(event("u", EventType.BUY, AS_OF + DAY, 2.0, 1));
        ledger.add(event("u", EventType.BUY, AS_OF + DAY, 1.0, 1));
        assertEquals(2, ledger.size(), "one entry per purchase time, views not kept");
        PurchaseTotals before = ledger.totalsSince(AS_OF);
        ledger.forgetBefore(AS_OF);
        assertEquals(1, ledger.size());
        assertEquals(before, ledger.totalsSince(AS_OF));
        assertEquals(new PurchaseTotals(AS_OF + DAY, 1, 3.0, true), before, "a basket is one occasion");
        assertTrue(ledger.totalsSince(AS_OF + 2 * DAY).isEmpty());
        assertFalse(PurchaseTotals.of(event("u", EventType.RETURN, AS_OF, 1.0, 1)).isEmpty(), "a priced return counts");
    }

    private static void assertSameRfm(List<BehaviourEvent> history, String user) {
        UserActivity whole = new UserActivity(user);
        history.forEach(whole::add);
        if (!whole.hasPurchases()) {
            return;
        }
        Rfm batch = Rfm.of(whole, NOW);
        Rfm live = live(history, user);
        assertEquals(batch.recencyDays(), live.recencyDays(), 0.0, user + " recency");
        assertEquals(batch.frequency(), live.frequency(), user + " frequency");
        if (batch.monetary() == null) {
            assertNull(live.monetary(), user + " monetary");
        } else {
            assertEquals(batch.monetary(), live.monetary(), 1e-9 * Math.max(1, batch.monetary()), user + " monetary");
        }
    }

    /** What the speed layer computes: the batch's totals at the as-of (what it publishes) plus the ledger since. */
    private static Rfm live(List<BehaviourEvent> history, String user) {
        UserActivity beforeAsOf = new UserActivity(user);
        PurchaseLedger streamed = new PurchaseLedger();
        for (BehaviourEvent e : history) {
            if (e.timestampMillis() < AS_OF) {
                beforeAsOf.add(e);
            } else {
                streamed.add(e);
            }
        }
        return Rfm.of(beforeAsOf.purchaseTotals().plus(streamed.totalsSince(AS_OF)), NOW);
    }

    /**
     * Purchases, returns and views over 60 days around the as-of, baskets sharing a time stamp. Returns net out
     * purchases of the same item on the same side of the as-of (a return in the stream of a purchase the batch
     * counted: {@link #aStreamedReturnOfABatchPurchase()}).
     */
    private static List<BehaviourEvent> history(String user, Random random) {
        List<BehaviourEvent> out = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            long time = AS_OF - 57 * DAY + random.nextInt(60) * DAY / 2;
            EventType type = switch (random.nextInt(5)) {
                case 0 -> EventType.RETURN;
                case 1 -> EventType.VIEW;
                default -> EventType.BUY;
            };
            int lines = type == EventType.BUY ? 1 + random.nextInt(3) : 1;
            for (int l = 0; l < lines; l++) {
                String item = (time < AS_OF ? "I" : "J") + random.nextInt(3);
                out.add(event(user, item, type, time, 0.5 + random.nextInt(400) / 7.0, 1 + random.nextInt(4)));
            }
        }
        return out;
    }

    private static BehaviourEvent event(String user, EventType type, long millis, double price, int quantity) {
        return event(user, "I", type, millis, price, quantity);
    }

    private static BehaviourEvent event(String user, String item, EventType type, long millis, double price,
                                        int quantity) {
        return new BehaviourEvent(user + "-" + item + "-" + millis + "-" + price + "-" + type, user, item, type, millis,
                quantity, price, "GBP", "France", null, null, "ITEM", "test");
    }
}
