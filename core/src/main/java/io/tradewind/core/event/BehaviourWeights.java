package io.tradewind.core.event;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How much one event of each type says about a user's interest in an item: the one place where a view, a
 * favourite, a cart add, a purchase and a return are put on one scale, so the batch models, the popularity
 * counts and the speed layer's incremental model weigh a click stream the same way.
 *
 * <p>Defaults: view 1, fav 2, cart 3, buy 5, return −5 (a return takes back what its purchase gave), search 0
 * (a search names no item). The order view &lt; fav &lt; cart &lt; buy and a negative return are enforced, so a
 * configuration cannot turn a view into a stronger signal than a purchase by a typo.
 */
public final class BehaviourWeights implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final BehaviourWeights DEFAULT = new BehaviourWeights(Map.of(
            EventType.VIEW, 1.0, EventType.FAV, 2.0, EventType.CART, 3.0, EventType.BUY, 5.0,
            EventType.RETURN, -5.0, EventType.SEARCH, 0.0));

    private final double[] weights = new double[EventType.values().length];

    private BehaviourWeights(Map<EventType, Double> byType) {
        for (EventType type : EventType.values()) {
            Double w = byType.get(type);
            if (w == null || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight of " + name(type) + ": missing or not a finite number");
            }
            weights[type.ordinal()] = w;
        }
        double view = of(EventType.VIEW), fav = of(EventType.FAV), cart = of(EventType.CART), buy = of(EventType.BUY);
        if (!(0 < view && view < fav && fav < cart && cart < buy)) {
            throw new IllegalArgumentException("weights must rise 0 < view < fav < cart < buy, got view=" + view
                    + " fav=" + fav + " cart=" + cart + " buy=" + buy);
        }
        if (of(EventType.RETURN) >= 0) {
            throw new IllegalArgumentException("the weight of return must be negative, got " + of(EventType.RETURN));
        }
    }

    /**
     * Parses {@code "view=1,fav=2,cart=3,buy=5,return=-5"}; types not named keep their default.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static BehaviourWeights parse(String spec) {
        Map<EventType, Double> byType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            byType.put(type, DEFAULT.of(type));
        }
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("behaviour weight '" + part.trim() + "': expected type=number, e.g. view=1");
            }
            EventType type = EventType.parse(kv[0]).orElseThrow(() -> new IllegalArgumentException(
                    "behaviour weight '" + part.trim() + "': unknown type '" + kv[0].trim() + "' (types: view, fav, cart, buy, return, search)"));
            try {
                byType.put(type, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("behaviour weight '" + part.trim() + "': '" + kv[1].trim() + "' is not a number");
            }
        }
        return new BehaviourWeights(byType);
    }

    public double of(EventType type) {
        return weights[type.ordinal()];
    }

    /** Same text {@link #parse} reads. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (EventType type : EventType.values()) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(name(type)).append('=').append(of(type));
        }
        return s.toString();
    }

    private static String name(EventType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
