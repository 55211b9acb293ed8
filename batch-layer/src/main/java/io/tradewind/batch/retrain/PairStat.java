package io.tradewind.batch.retrain;

import java.io.Serializable;

/**
 * What one user did with one item before the as-of time: the distinct purchase times (one per basket), in
 * ascending order, and the behaviour weights of everything else (views, favourites, cart adds, returns).
 * Bounded by the user's baskets, so the pair table stays proportional to distinct pairs.
 *
 * @param otherWeight     summed {@link io.tradewind.core.event.BehaviourWeights} of the pair's non-purchase events
 * @param strongestWeight the largest weight of any one of the pair's events (a buy's, if it was bought)
 * @param lastMillis      the pair's latest event
 */
public record PairStat(String userId, String itemId, long[] purchaseTimes, double otherWeight, double strongestWeight,
                       long lastMillis) implements Serializable {

    public int purchases() {
        return purchaseTimes.length;
    }
}
