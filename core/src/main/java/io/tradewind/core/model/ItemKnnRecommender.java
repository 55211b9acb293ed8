package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "ItemKNN": item-to-item cosine similarity on the binary purchase matrix,
 * {@code sim(i, j) = coBuyers(i, j) / sqrt(buyers(i) * buyers(j))}. Each item keeps its k most similar items
 * (ties to the lower index), and a user's score for item i sums {@code sim(j, i)} over the user's items j that
 * keep i as a neighbour.
 *
 * <p>Co-buyer counts are accumulated one item at a time through its buyers' rows, so memory stays linear in the
 * number of items (no dense item x item matrix).
 */
public final class ItemKnnRecommender implements Recommender {
    private final int k;

    public ItemKnnRecommender(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "ItemKNN";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k", k);
        return params;
    }

    @Override
    public Fitted fit(Interactions train, ProgressListener progress) {
        int n = train.numItems();
        int[][] neighbours = new int[n][];
        double[][] similarities = new double[n][];
        int[] coBuyers = new int[n];
        int[] touched = new int[n];
        TopK best = new TopK(k);
        int[] keptItems = new int[k];
        double[] keptSims = new double[k];
        progress.start("ItemKNN neighbours", n);
        for (int j = 0; j < n; j++) {
            int touchedCount = 0;
            for (int q = train.itemStart[j]; q < train.itemStart[j + 1]; q++) {
                int user = train.itemUser[q];
                for (int p = train.userStart[user]; p < train.userStart[user + 1]; p++) {
                    int i = train.pairItem[p];
                    if (i != j && coBuyers[i]++ == 0) {
                        touched[touchedCount++] = i;
                    }
                }
            }
            best.clear();
            double buyersJ = train.buyers(j);
            for (int t = 0; t < touchedCount; t++) {
                int i = touched[t];
                best.offer(i, coBuyers[i] / Math.sqrt(buyersJ * train.buyers(i)));
                coBuyers[i] = 0;
            }
            int kept = best.size();
            best.drainBestFirst(keptItems, keptSims);
            neighbours[j] = Arrays.copyOf(keptItems, kept);
            similarities[j] = Arrays.copyOf(keptSims, kept);
            if ((j & 255) == 255) {
                progress.advance(256);
            }
        }
        progress.advance(n & 255);
        progress.finish();
        return new Fitted(train, neighbours, similarities);
    }

    /** The fitted neighbour lists. */
    public static final class Fitted implements ItemNeighbourModel {
        private final Interactions train;
        private final int[][] neighbours;
        private final double[][] similarities;

        private Fitted(Interactions train, int[][] neighbours, double[][] similarities) {
            this.train = train;
            this.neighbours = neighbours;
            this.similarities = similarities;
        }

        @Override
        public Interactions train() {
            return train;
        }

        @Override
        public void score(UserHistory history, double[] out) {
            Arrays.fill(out, 0.0);
            for (int j : history.items()) {
                int[] items = neighbours[j];
                double[] sims = similarities[j];
                for (int n = 0; n < items.length; n++) {
                    out[items[n]] += sims[n];
                }
            }
        }

        @Override
        public int[] neighbours(int item) {
            return neighbours[item].clone();
        }

        @Override
        public double[] similarities(int item) {
            return similarities[item].clone();
        }
    }
}
