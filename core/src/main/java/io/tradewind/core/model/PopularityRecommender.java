package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.Map;

/** "Pop": every user gets the items with the most distinct buyers. */
public final class PopularityRecommender implements Recommender {

    @Override
    public String name() {
        return "Pop";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public FittedModel fit(Interactions train, ProgressListener progress) {
        double[] buyers = new double[train.numItems()];
        for (int i = 0; i < buyers.length; i++) {
            buyers[i] = train.buyers(i);
        }
        return new FittedModel() {
            @Override
            public Interactions train() {
                return train;
            }

            @Override
            public void score(UserHistory history, double[] out) {
                System.arraycopy(buyers, 0, out, 0, buyers.length);
            }
        };
    }
}
