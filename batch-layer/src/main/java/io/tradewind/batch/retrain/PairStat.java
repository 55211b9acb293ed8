package io.tradewind.batch.retrain;

import java.io.Serializable;

/**
 * One user's purchases of one item before the as-of time: the distinct purchase times (one per basket), in
 * ascending order. Bounded by the user's baskets, so the pair table stays proportional to distinct pairs.
 */
public record PairStat(String userId, String itemId, long[] purchaseTimes) implements Serializable {

    public int purchases() {
        return purchaseTimes.length;
    }
}
