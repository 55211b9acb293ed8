package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.Arrays;
import java.util.Map;

/**
 * "Repeat": the user's own items first, by purchase count, then by last purchase (later first); every other
 * item scores zero and so falls back to the ranking's popularity order.
 *
 * <p>The score of an own item is {@code count + f} with {@code f} in [0, 1) growing with the last purchase
 * time, which orders by count first and recency second in one number.
 */
public final class RepeatRecommender implements Recommender {

    @Override
    public String name() {
        return "Repeat";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public FittedModel fit(Interactions train, ProgressListener progress) {
        long origin = train.minMillis();
        double span = (double) (train.maxMillis() - origin) + 1.0;
        return new FittedModel() {
            @Override
            public Interactions train() {
                return train;
            }

            @Override
            public void score(UserHistory history, double[] out) {
                Arrays.fill(out, 0.0);
                for (int k = 0; k < history.size(); k++) {
                    double recency = Math.min(Math.max((history.lastMillis()[k] - origin) / span, 0.0), 0.999_999);
                    out[history.items()[k]] = history.counts()[k] + recency;
                }
            }
        };
    }
}
