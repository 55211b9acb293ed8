package io.tradewind.contracts.views;

import io.tradewind.core.portrait.PurchaseTotals;
import io.tradewind.core.portrait.UserActivity;

/**
 * One row of {@code rfm-baseline.jsonl}: what a user's RFM is computed from at the version's as-of (core
 * {@link PurchaseTotals}), for every user who bought or returned something in the portrait window. The speed layer
 * adds the totals of the events since the as-of to it and assigns the live segment with the version's centroids,
 * so it needs the unrounded inputs, not the portrait's RFM (whose monetary value is clipped at 0).
 *
 * @param lastPurchaseMillis latest purchase time, epoch millis; null when the user only returned things
 * @param netValue           purchases minus returns, not clipped
 * @param priced             whether any purchase or return carried a price
 */
public record RfmBaselineView(String user, Long lastPurchaseMillis, int occasions, double netValue, boolean priced) {
    public static final String FILE = "rfm-baseline.jsonl";

    public RfmBaselineView {
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("user: required");
        }
        if (occasions < 0 || (occasions > 0) != (lastPurchaseMillis != null)) {
            throw new IllegalArgumentException("occasions " + occasions + " and lastPurchaseMillis "
                    + lastPurchaseMillis + " disagree");
        }
    }

    /** The row of a user's portrait-window activity, or null when RFM counts nothing of it (views only). */
    public static RfmBaselineView of(UserActivity activity) {
        PurchaseTotals t = activity.purchaseTotals();
        if (t.isEmpty()) {
            return null;
        }
        return new RfmBaselineView(activity.userId(), t.hasPurchases() ? t.lastPurchaseMillis() : null, t.occasions(),
                t.netValue(), t.priced());
    }

    public PurchaseTotals totals() {
        return new PurchaseTotals(lastPurchaseMillis == null ? Long.MIN_VALUE : lastPurchaseMillis, occasions, netValue,
                priced);
    }
}
