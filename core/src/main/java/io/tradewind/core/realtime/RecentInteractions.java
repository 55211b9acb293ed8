package io.tradewind.core.realtime;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user has done with items lately, for the speed layer's real-time list: per item the weighted sum of the
 * user's events ({@link BehaviourWeights}: a purchase says more than a view, a return takes it back) and when the
 * last one happened. Bounded: past {@code capacity} items the one with the least interest now is forgotten, so a
 * user's state stays small however long they browse.
 *
 * <p>Interest fades with a half-life, measured in event time, so a replay computes the same state as the live run.
 */
public final class RecentInteractions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One item's signal: weighted events and the time of the latest. */
    public record Interaction(String item, double weight, long lastMillis) {
    }

    /** item → {weight at the last event, last event millis}: plain arrays, so state serializers need no record support. */
    private final HashMap<String, double[]> byItem = new HashMap<>();
    private final int capacity;
    private final long halfLifeMillis;

    public RecentInteractions(int capacity, long halfLifeMillis) {
        if (capacity < 1 || halfLifeMillis < 1) {
            throw new IllegalArgumentException("capacity and half-life must be positive");
        }
        this.capacity = capacity;
        this.halfLifeMillis = halfLifeMillis;
    }

    /** Adds an event's signal; events without an item (searches) and zero-weight types add nothing. */
    public void add(BehaviourEvent e, BehaviourWeights weights) {
        double w = weights.of(e.type());
        if (w == 0 || e.itemId() == null || e.itemId().isBlank()) {
            return;
        }
        double[] old = byItem.get(e.itemId());
        long last = old == null ? e.timestampMillis() : Math.max((long) old[1], e.timestampMillis());
        double decayedOld = old == null ? 0 : old[0] * decay((long) old[1], last);
        byItem.put(e.itemId(), new double[] {decayedOld + w * decay(e.timestampMillis(), last), last});
        if (byItem.size() > capacity) {
            forgetWeakest(last);
        }
    }

    /** Items by interest at {@code nowMillis}, strongest first; only items with positive interest. */
    public List<Interaction> strongestAt(long nowMillis) {
        List<Interaction> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byItem.entrySet()) {
            long last = (long) e.getValue()[1];
            double w = e.getValue()[0] * decay(last, nowMillis);
            if (w > 0) {
                out.add(new Interaction(e.getKey(), w, last));
            }
        }
        out.sort(Comparator.comparingDouble(Interaction::weight).reversed().thenComparing(Interaction::item));
        return out;
    }

    public int size() {
        return byItem.size();
    }

    /** Interest left after the time from {@code fromMillis} to {@code toMillis}; an earlier event keeps it all. */
    double decay(long fromMillis, long toMillis) {
        long age = Math.max(0, toMillis - fromMillis);
        return Math.pow(0.5, (double) age / halfLifeMillis);
    }

    private void forgetWeakest(long nowMillis) {
        String weakest = null;
        double least = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> e : byItem.entrySet()) {
            double w = e.getValue()[0] * decay((long) e.getValue()[1], nowMillis);
            if (w < least || (w == least && e.getKey().compareTo(weakest) < 0)) {
                least = w;
                weakest = e.getKey();
            }
        }
        byItem.remove(weakest);
    }
}
