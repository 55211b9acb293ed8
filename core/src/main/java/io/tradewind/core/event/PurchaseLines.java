package io.tradewind.core.event;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One user's purchase and return lines per item, netted on demand by {@link PurchaseNetting}: what the portrait
 * (batch) and the live state (speed layer) both count purchase occasions from, so a wholly returned basket leaves
 * frequency in both the same way.
 *
 * <p>A purchase occasion is one purchase time (one basket: imports carry no invoice id, so one time stamp); it
 * counts while at least one of its lines, of any item, keeps units after netting. Lines live in plain arrays per
 * item ({@code [time, signed units, time, signed units, ...]}); Flink serialises this with Kryo.
 */
public final class PurchaseLines implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, long[]> byItem = new HashMap<>();

    /** Records a BUY (its units) or a RETURN (its units taken back); other events are not purchase lines. */
    public void add(BehaviourEvent e) {
        if (e.type() == EventType.BUY) {
            add(e.itemId(), e.timestampMillis(), e.quantity());
        } else if (e.type() == EventType.RETURN) {
            add(e.itemId(), e.timestampMillis(), -e.quantity());
        }
    }

    /** @param signedUnits positive for a purchase, negative for a return */
    public void add(String item, long timeMillis, long signedUnits) {
        long[] lines = byItem.get(item);
        int n = lines == null ? 0 : lines.length;
        long[] more = lines == null ? new long[2] : Arrays.copyOf(lines, n + 2);
        more[n] = timeMillis;
        more[n + 1] = signedUnits;
        byItem.put(item, more);
    }

    /** Adds another accumulator's lines of the same user. */
    public void merge(PurchaseLines other) {
        other.byItem.forEach((item, lines) -> {
            for (int k = 0; k < lines.length; k += 2) {
                add(item, lines[k], lines[k + 1]);
            }
        });
    }

    /** Purchase occasions that keep units after netting every line held, ascending. */
    public TreeSet<Long> keptOccasions() {
        return keptOccasions(Long.MAX_VALUE);
    }

    /**
     * Purchase occasions before {@code untilMillis} that keep units when only the lines before it are netted: what
     * a count taken at that time saw.
     */
    public TreeSet<Long> keptOccasions(long untilMillis) {
        TreeSet<Long> kept = new TreeSet<>();
        for (long[] lines : byItem.values()) {
            int n = 0;
            for (int k = 0; k < lines.length; k += 2) {
                n += lines[k] < untilMillis ? 1 : 0;
            }
            long[] times = new long[n];
            long[] units = new long[n];
            int j = 0;
            for (int k = 0; k < lines.length; k += 2) {
                if (lines[k] < untilMillis) {
                    times[j] = lines[k];
                    units[j++] = lines[k + 1];
                }
            }
            long[] net = PurchaseNetting.netQuantities(times, units);
            for (int k = 0; k < n; k++) {
                if (net[k] > 0) {
                    kept.add(times[k]);
                }
            }
        }
        return kept;
    }

    /** Drops the lines before {@code fromMillis}; a later return of what they bought is then ignored. */
    public void forgetBefore(long fromMillis) {
        for (Map.Entry<String, long[]> entry : Map.copyOf(byItem).entrySet()) {
            long[] lines = entry.getValue();
            long[] left = new long[lines.length];
            int n = 0;
            for (int k = 0; k < lines.length; k += 2) {
                if (lines[k] >= fromMillis) {
                    left[n++] = lines[k];
                    left[n++] = lines[k + 1];
                }
            }
            if (n == 0) {
                byItem.remove(entry.getKey());
            } else {
                byItem.put(entry.getKey(), Arrays.copyOf(left, n));
            }
        }
    }

    /** Lines held, purchases and returns. */
    public int size() {
        return byItem.values().stream().mapToInt(l -> l.length / 2).sum();
    }
}
