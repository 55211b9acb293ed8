package io.tradewind.core.portrait;

/**
 * Recency (days since the last purchase), frequency (purchase occasions) and monetary value (revenue net of
 * returns) of one user at an as-of time.
 */
public record Rfm(double recencyDays, int frequency, double monetary) {
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** RFM of a user who bought at least once before {@code asOfMillis}. */
    public static Rfm of(UserActivity activity, long asOfMillis) {
        if (!activity.hasPurchases()) {
            throw new IllegalArgumentException("user " + activity.userId() + " has no purchases: no RFM (new-user stratum)");
        }
        double recency = Math.max(0.0, (asOfMillis - activity.lastPurchaseMillis()) / MILLIS_PER_DAY);
        // Net of returns: an order keyed by mistake and cancelled the same day (77,000 GBP in Online Retail) is
        // no sign of value.
        return new Rfm(recency, activity.purchaseOccasions(), Math.max(0.0, activity.buyValue() - activity.returnValue()));
    }

    /**
     * The feature vector clustering sees: log1p of each measure. RFM is heavy-tailed (a few wholesale buyers
     * spend 100x the median); without the log, K-means spends its clusters on outliers.
     */
    public double[] logFeatures() {
        return new double[] {Math.log1p(recencyDays), Math.log1p(frequency), Math.log1p(monetary)};
    }
}
