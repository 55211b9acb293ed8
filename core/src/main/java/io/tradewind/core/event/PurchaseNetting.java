package io.tradewind.core.event;

import java.util.Arrays;

/**
 * The one rule by which returns net out purchases, for the models' inputs, popularity, portraits (frequency) and
 * the speed layer's live state alike.
 *
 * <p>For one (user, item) pair, lines are taken in time order (at one time stamp purchases come before returns). A
 * return takes its units back from the latest earlier purchase lines that still have units left, the latest
 * first; what a purchase line keeps is its <em>net quantity</em>. A purchase line whose units were all taken back
 * is <em>wholly returned</em> and counts as if it never happened: a pair with no line left is no interaction, a
 * basket (purchase occasion) with no line left is no occasion. Units a return takes back beyond what the pair
 * still holds (Online Retail has returns of purchases made before its first day, and returns dated before the
 * purchase they could match) are ignored: a return never creates a negative or phantom interaction, and a
 * purchase after a return is not reduced by it.
 */
public final class PurchaseNetting {
    private PurchaseNetting() {
    }

    /**
     * Nets one pair's lines.
     *
     * @param times      each line's time (epoch millis), in any order
     * @param quantities each line's units: positive for a purchase, negative for a return (zero lines count for
     *                   nothing)
     * @return per line, in the input's order, the units of that purchase line that no return took back; 0 for
     *         return lines
     */
    public static long[] netQuantities(long[] times, long[] quantities) {
        if (times.length != quantities.length) {
            throw new IllegalArgumentException("times and quantities differ in length");
        }
        int n = times.length;
        long[] kept = new long[n];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            kept[k] = Math.max(0, quantities[k]);
        }
        // Time order; at one time a purchase first (a return cannot precede what it takes back); then input order.
        Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b])
                : Boolean.compare(quantities[a] < 0, quantities[b] < 0));
        int[] open = new int[n]; // purchase lines with units left, latest on top
        int top = 0;
        for (int k : order) {
            if (quantities[k] > 0) {
                open[top++] = k;
                continue;
            }
            long back = -quantities[k];
            while (back > 0 && top > 0) {
                int line = open[top - 1];
                long take = Math.min(back, kept[line]);
                kept[line] -= take;
                back -= take;
                if (kept[line] == 0) {
                    top--;
                }
            }
        }
        return kept;
    }

    /** The units the pair holds after netting: the sum of {@link #netQuantities}. */
    public static long netQuantity(long[] times, long[] quantities) {
        return Arrays.stream(netQuantities(times, quantities)).sum();
    }
}
