package io.tradewind.core.portrait;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.PurchaseLines;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * One user's purchases and returns by event time, so that their {@link PurchaseTotals} can be taken from any
 * cut-off: the speed layer keeps one per user and adds {@code totalsSince(asOf)} to the batch version's totals,
 * whichever version is active (a version published a day later has a later as-of, and the events between the two
 * are then counted by the batch, not twice).
 *
 * <p>Values: one entry per distinct event time, in time order, as plain arrays: Flink serialises it with Kryo, and a
 * day's purchases of one user are a handful of entries. Occasions: the purchase and return lines per item
 * ({@link PurchaseLines}), netted as the batch nets them, so a basket returned in the stream leaves the live
 * frequency. Events that count for nothing in RFM (views, searches) are not kept.
 */
public final class PurchaseLedger implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final byte PRICED = 2;

    private long[] times = new long[0];
    private double[] netValues = new double[0];
    private byte[] flags = new byte[0];
    private PurchaseLines lines = new PurchaseLines();

    /** Records the event's share of RFM; a repeated event time adds its value but no second occasion. */
    public void add(BehaviourEvent e) {
        purchaseLines().add(e);
        PurchaseTotals share = PurchaseTotals.of(e);
        if (share.isEmpty()) {
            return;
        }
        byte flag = share.priced() ? PRICED : 0;
        int at = Arrays.binarySearch(times, e.timestampMillis());
        if (at >= 0) {
            netValues[at] += share.netValue();
            flags[at] |= flag;
            return;
        }
        int insert = -at - 1;
        times = withGap(times, insert);
        netValues = withGap(netValues, insert);
        flags = withGap(flags, insert);
        times[insert] = e.timestampMillis();
        netValues[insert] = share.netValue();
        flags[insert] = flag;
    }

    /**
     * Totals of the events at or after {@code fromMillis} (the batch counts those before its as-of): the occasions
     * from then on that returns did not wholly take back, less the occasions before it that the batch counted and a
     * return since took back (so the count may be negative); the value of everything from then on.
     */
    public PurchaseTotals totalsSince(long fromMillis) {
        TreeSet<Long> kept = purchaseLines().keptOccasions();
        int cancelled = purchaseLines().keptOccasions(fromMillis).size() - kept.headSet(fromMillis).size();
        TreeSet<Long> since = new TreeSet<>(kept.tailSet(fromMillis));
        double value = 0.0;
        boolean priced = false;
        for (int k = firstAtOrAfter(fromMillis); k < times.length; k++) {
            value += netValues[k];
            priced |= (flags[k] & PRICED) != 0;
        }
        return new PurchaseTotals(since.isEmpty() ? Long.MIN_VALUE : since.last(), since.size() - cancelled, value,
                priced);
    }

    /** Drops entries before {@code fromMillis}: the active batch version has counted them. */
    public void forgetBefore(long fromMillis) {
        int first = firstAtOrAfter(fromMillis);
        purchaseLines().forgetBefore(fromMillis);
        if (first > 0) {
            times = Arrays.copyOfRange(times, first, times.length);
            netValues = Arrays.copyOfRange(netValues, first, netValues.length);
            flags = Arrays.copyOfRange(flags, first, flags.length);
        }
    }

    /** State written before lines were kept restores without them. */
    private PurchaseLines purchaseLines() {
        if (lines == null) {
            lines = new PurchaseLines();
        }
        return lines;
    }

    /** Distinct event times held. */
    public int size() {
        return times.length;
    }

    private int firstAtOrAfter(long millis) {
        int at = Arrays.binarySearch(times, millis);
        return at >= 0 ? at : -at - 1;
    }

    /** A copy of a primitive array one longer, with a free slot at {@code at}. */
    private static <A> A withGap(A array, int at) {
        int n = Array.getLength(array);
        @SuppressWarnings("unchecked")
        A out = (A) Array.newInstance(array.getClass().getComponentType(), n + 1);
        System.arraycopy(array, 0, out, 0, at);
        System.arraycopy(array, at, out, at + 1, n - at);
        return out;
    }
}
