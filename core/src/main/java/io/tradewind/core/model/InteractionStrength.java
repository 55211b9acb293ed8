package io.tradewind.core.model;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.Set;

/**
 * How strongly a user's events on one item count in the models' user x item matrix and in popularity: the
 * {@link BehaviourWeights} of the events, in units of the weakest positive signal the data set has.
 *
 * <p>The unit keeps a purchase log exactly as before (only buys and returns: unit = a buy, so a pair counts its
 * baskets less its returns) while a click log keeps view &lt; fav &lt; cart &lt; buy apart (unit = a view: with
 * the default weights a view counts 1 and a purchase 5). A pair whose weights sum to nothing or less (bought and
 * returned) is left out of the matrix.
 */
public final class InteractionStrength {
    private final BehaviourWeights weights;
    private final double unit;

    private InteractionStrength(BehaviourWeights weights, double unit) {
        this.weights = weights;
        this.unit = unit;
    }

    /** @param presentTypes the event types the history has at least one event of */
    public static InteractionStrength of(BehaviourWeights weights, Set<EventType> presentTypes) {
        double unit = Double.MAX_VALUE;
        for (EventType type : presentTypes) {
            double w = weights.of(type);
            if (w > 0) {
                unit = Math.min(unit, w);
            }
        }
        return new InteractionStrength(weights, unit == Double.MAX_VALUE ? weights.of(EventType.BUY) : unit);
    }

    public BehaviourWeights weights() {
        return weights;
    }

    /** The weight one matrix count stands for. */
    public double unit() {
        return unit;
    }

    /**
     * @param baskets     distinct purchase occasions of the pair (each buy basket counts once, as in the OR-T matrix)
     * @param otherWeight the summed weights of the pair's other events (views, favs, carts, returns)
     * @return the pair's count in the matrix; 0 or less means "leave the pair out"
     */
    public int count(int baskets, double otherWeight) {
        return (int) Math.round((baskets * weights.of(EventType.BUY) + otherWeight) / unit);
    }

    /** A user's weight in an item's popularity: the strongest thing the user did with it, in units (0 if none). */
    public int popularityWeight(double strongestWeight) {
        return strongestWeight <= 0 ? 0 : Math.max(1, (int) Math.round(strongestWeight / unit));
    }
}
