package io.tradewind.batch.retrain;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One user's purchases of one item before the as-of time: the distinct purchase times (one per basket), in
 * ascending order. Bounded by the user's baskets, so the pair table stays proportional to distinct pairs.
 */
public record PairStat(String userId, String itemId, long[] purchaseTimes) implements Serializable {

    public int purchases() {
        return purchaseTimes.length;
    }

    public long lastPurchaseMillis() {
        return purchaseTimes[purchaseTimes.length - 1];
    }

    /** Purchase times strictly before {@code millis} (the hold-out split), ascending. */
    public long[] purchasesBefore(long millis) {
        int end = 0;
        while (end < purchaseTimes.length && purchaseTimes[end] < millis) {
            end++;
        }
        return Arrays.copyOf(purchaseTimes, end);
    }

    /** Whether the user bought the item at or after {@code millis}. */
    public boolean boughtSince(long millis) {
        return lastPurchaseMillis() >= millis;
    }
}
