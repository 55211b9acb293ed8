package io.tradewind.core.portrait;

/**
 * Recency (days since the last purchase), frequency (purchase occasions) and monetary value (revenue net of
 * returns) of one user at an as-of time. {@code monetary} is null when the source has no prices: unknown, not zero.
 */
public record Rfm(double recencyDays, int frequency, Double monetary) {
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** RFM of a user who bought at least once before {@code asOfMillis}. */
    public static Rfm of(UserActivity activity, long asOfMillis) {
        if (!activity.hasPurchases()) {
            throw new IllegalArgumentException("user " + activity.userId() + " has no purchases: no RFM (new-user stratum)");
        }
        return of(activity.purchaseTotals(), asOfMillis);
    }

    /**
     * The formula, the same for the nightly portraits and the speed layer's live RFM (batch totals plus the
     * totals of the events since): recency from the latest purchase, frequency in occasions, monetary net of
     * returns.
     */
    public static Rfm of(PurchaseTotals totals, long asOfMillis) {
        if (!totals.hasPurchases()) {
            throw new IllegalArgumentException("no purchases: no RFM (new-user stratum)");
        }
        double recency = Math.max(0.0, (asOfMillis - totals.lastPurchaseMillis()) / MILLIS_PER_DAY);
        // Net of returns: an order keyed by mistake and cancelled the same day (77,000 GBP in Online Retail) is
        // no sign of value.
        Double monetary = totals.priced() ? Math.max(0.0, totals.netValue()) : null;
        return new Rfm(recency, totals.occasions(), monetary);
    }

    /**
     * The feature vector clustering sees: log1p of each measure. RFM is heavy-tailed (a few wholesale buyers
     * spend 100x the median); without the log, K-means spends its clusters on outliers.
     */
    public double[] logFeatures() {
        // Without prices the axis is constant (0) for everyone, so it neither separates nor distorts segments.
        return new double[] {Math.log1p(recencyDays), Math.log1p(frequency), monetary == null ? 0 : Math.log1p(monetary)};
    }
}
