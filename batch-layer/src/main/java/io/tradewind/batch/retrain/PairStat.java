package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import io.tradewind.core.event.PurchaseNetting;
import java.io.Serializable;

/**
 * What one user did with one item before the as-of time: the purchase and return lines (time and units, a return's
 * negative), and the behaviour weights of everything else (views, favourites, cart adds). Bounded by the user's
 * lines of the item, so the pair table stays proportional to purchase lines, never to clicks.
 *
 * <p>Returns net out purchases by {@link PurchaseNetting}: {@link #keptPurchaseTimes()} are the baskets the models
 * and popularity count; {@link #purchaseTimes()} every basket, returned or not (what a hold-out's test truth is).
 *
 * @param lineTimes            times of the purchase and return lines
 * @param lineUnits            units per line: positive for a purchase, negative for a return
 * @param otherWeight          summed {@link BehaviourWeights} of the pair's views, favourites and cart adds
 * @param strongestOtherWeight the largest weight of any one of those ({@code -Infinity} when there is none)
 * @param lastMillis           the pair's latest event
 * @param trendingWeight       the pair's events' share of the item's trending score at the as-of (see core's
 *                             {@code TrendingCounter}): weights of the last weeks' events, decayed by age
 */
public record PairStat(String userId, String itemId, long[] lineTimes, long[] lineUnits, double otherWeight,
                       double strongestOtherWeight, long lastMillis, double trendingWeight) implements Serializable {

    /** Distinct purchase times, ascending, returned or not. */
    public long[] purchaseTimes() {
        return timesOfPositive(lineUnits);
    }

    /** Distinct purchase times with a line that returns did not wholly take back, ascending. */
    public long[] keptPurchaseTimes() {
        return timesOfPositive(PurchaseNetting.netQuantities(lineTimes, lineUnits));
    }

    /** Distinct times, ascending, of the lines whose {@code units} are positive. */
    private long[] timesOfPositive(long[] units) {
        return java.util.stream.IntStream.range(0, units.length).filter(k -> units[k] > 0).mapToLong(k -> lineTimes[k])
                .sorted().distinct().toArray();
    }

    /** Baskets the models count: purchase times not wholly returned. */
    public int purchases() {
        return keptPurchaseTimes().length;
    }

    /** The weight of the strongest thing the user did with the item and kept (a wholly returned purchase is none). */
    public double strongestWeight(BehaviourWeights weights) {
        return purchases() > 0 ? Math.max(weights.of(EventType.BUY), strongestOtherWeight) : strongestOtherWeight;
    }
}
