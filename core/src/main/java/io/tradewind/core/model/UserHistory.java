package io.tradewind.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one user bought, in the item indices of a model's training {@link Interactions}: items ascending, each
 * with its purchase count and last purchase time. The input of {@link FittedModel#score}.
 *
 * @param user       the user's index in the training matrix, or -1 for a user the model was not trained on
 *                   (factor models then have no user vector and score zero)
 * @param items      item indices, strictly ascending
 * @param counts     purchase count (distinct baskets) per item
 * @param lastMillis last purchase time per item (epoch millis)
 */
public record UserHistory(int user, int[] items, int[] counts, long[] lastMillis) {

    public UserHistory {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(lastMillis, "lastMillis");
        if (counts.length != items.length || lastMillis.length != items.length) {
            throw new IllegalArgumentException("items, counts and lastMillis differ in length");
        }
    }

    /** A user the model knows nothing about. */
    public static UserHistory empty() {
        return new UserHistory(-1, new int[0], new int[0], new long[0]);
    }

    public int size() {
        return items.length;
    }

    UserHistory sortedByItem() {
        Integer[] order = new Integer[items.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(items[a], items[b]));
        int[] i = new int[order.length];
        int[] c = new int[order.length];
        long[] t = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            i[k] = items[order[k]];
            c[k] = counts[order[k]];
            t[k] = lastMillis[order[k]];
        }
        return new UserHistory(user, i, c, t);
    }
}
