package io.tradewind.batch.retrain;

import java.io.Serializable;

/**
 * What one user did with one item before the as-of time: distinct purchase occasions and the latest one,
 * and the same figures before the hold-out split, so one pass feeds both the published models and their
 * offline evaluation.
 */
public record PairStat(
        String userId,
        String itemId,
        int purchases,
        long lastPurchaseMillis,
        int purchasesBeforeHoldout,
        long lastPurchaseBeforeHoldoutMillis,
        boolean boughtInHoldout) implements Serializable {

    public boolean boughtBeforeHoldout() {
        return purchasesBeforeHoldout > 0;
    }
}
