package io.tradewind.core.portrait;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;

/**
 * What RFM is computed from: a user's latest purchase time, distinct purchase occasions, revenue net of returns,
 * and whether any purchase or return carried a price. Totals of disjoint stretches of time add up with
 * {@link #plus}, which is how the speed layer adds the events since a batch version's as-of to the totals that
 * version published for the user ({@code rfm-baseline.jsonl}), and {@link Rfm#of(PurchaseTotals, long)} turns
 * either into RFM with the batch's own formula.
 *
 * @param lastPurchaseMillis latest purchase time not wholly returned, {@link Long#MIN_VALUE} when there was none
 * @param occasions          distinct purchase times (one basket = one time stamp) that returns did not wholly take
 *                           back ({@link io.tradewind.core.event.PurchaseNetting}); the totals of a later stretch
 *                           may be negative when its returns took back occasions counted before it
 * @param netValue           value of purchases minus value of returns, not clipped (a later purchase may lift it)
 * @param priced             whether any purchase or return had a price: without one, revenue is unknown, not zero
 */
public record PurchaseTotals(long lastPurchaseMillis, int occasions, double netValue, boolean priced) {
    /** A user who neither bought nor returned anything. */
    public static final PurchaseTotals NONE = new PurchaseTotals(Long.MIN_VALUE, 0, 0.0, false);

    /** One event's share: a purchase is one occasion at its time, a return takes its value off. */
    public static PurchaseTotals of(BehaviourEvent e) {
        boolean priced = e.unitPrice() != null;
        if (e.type() == EventType.BUY) {
            return new PurchaseTotals(e.timestampMillis(), 1, e.lineValue(), priced);
        }
        if (e.type() == EventType.RETURN) {
            return new PurchaseTotals(Long.MIN_VALUE, 0, -e.lineValue(), priced);
        }
        return NONE;
    }

    public boolean hasPurchases() {
        return occasions > 0;
    }

    /** Whether RFM counts this at all (a view or a search does not). */
    public boolean isEmpty() {
        return occasions == 0 && netValue == 0.0 && !priced;
    }

    /**
     * The totals of this stretch of time followed by {@code later}, a stretch that shares no purchase time with
     * this one (so occasions add up).
     */
    public PurchaseTotals plus(PurchaseTotals later) {
        return new PurchaseTotals(Math.max(lastPurchaseMillis, later.lastPurchaseMillis), occasions + later.occasions,
                netValue + later.netValue, priced || later.priced);
    }
}
