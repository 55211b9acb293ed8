package io.tradewind.core.incremental;

import io.tradewind.core.eval.Ranker;
import io.tradewind.core.model.FactorModel;
import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.ItemNeighbourModel;
import io.tradewind.core.model.UserHistory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The active batch version's ALS model as the incremental model sees it: read-only and shared by every user's
 * update. Items have dense indices (ascending id order), factor vectors, a buyer count and up to a few
 * neighbours; users have a factor vector, the teacher's top list (best first) and their history up to the
 * batch cut-off. Built from the batch views' rows with {@link #builder}, or from fitted models with
 * {@link #of} (what the offline evaluation does; it publishes the same rows).
 *
 * <p>Users the teacher does not know are placed by {@link #foldIn}: the least-squares user vector against the
 * fixed item factors, the normal equations of {@link FactorModel#foldIn} solved exactly
 * ({@code (Y'Y + reg n I + alpha sum c_k y_k y_k') x = sum (1 + alpha c_k) y_k}); {@code Y'Y} is computed once
 * here, so a fold-in costs O(rank^2 history + rank^3), not O(catalogue).
 */
public final class Teacher {
    private final String version;
    private final int rank;
    private final double alsAlpha;
    private final double alsReg;
    private final String[] itemIds;
    private final Map<String, Integer> itemIndex;
    private final float[][] itemFactors;
    private final int[] buyers;
    private final int[][] neighbours;
    private final float[][] similarities;
    private final int[] popular;
    private final Map<String, TeacherUser> users;
    private final double[][] gram;

    /**
     * What the teacher knows of one user.
     *
     * @param factors        the user's ALS vector, or {@code null} when the batch model has none
     * @param top            the teacher's best items for the user, best first (item indices)
     * @param historyItems   items the user interacted with before the batch cut-off, ascending
     * @param historyWeights behaviour weight per history item (see {@link io.tradewind.core.event.BehaviourWeights})
     * @param historyLast    last interaction time per history item (epoch millis)
     */
    record TeacherUser(float[] factors, int[] top, int[] historyItems, float[] historyWeights, long[] historyLast) {
    }

    private Teacher(Builder b, String[] ids, Map<String, Integer> index) {
        this.version = b.version;
        this.rank = b.rank;
        this.alsAlpha = b.alsAlpha;
        this.alsReg = b.alsReg;
        this.itemIds = ids;
        this.itemIndex = index;
        int n = ids.length;
        itemFactors = new float[n][];
        buyers = new int[n];
        neighbours = new int[n][];
        similarities = new float[n][];
        for (int i = 0; i < n; i++) {
            Builder.ItemRow row = b.items.get(ids[i]);
            itemFactors[i] = row.factors;
            buyers[i] = row.buyers;
            List<String> nb = b.neighbours.getOrDefault(ids[i], List.of());
            float[] sims = b.neighbourSims.getOrDefault(ids[i], new float[0]);
            int[] idx = new int[nb.size()];
            float[] sim = new float[nb.size()];
            int k = 0;
            for (int j = 0; j < nb.size(); j++) {
                Integer other = index.get(nb.get(j));
                if (other != null) {
                    idx[k] = other;
                    sim[k++] = sims[j];
                }
            }
            neighbours[i] = Arrays.copyOf(idx, k);
            similarities[i] = Arrays.copyOf(sim, k);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> buyers[a] != buyers[c] ? Integer.compare(buyers[c], buyers[a]) : Integer.compare(a, c));
        popular = new int[Math.min(n, b.popularSize)];
        for (int k = 0; k < popular.length; k++) {
            popular[k] = order[k];
        }
        users = new HashMap<>();
        for (String user : b.userIds()) {
            float[] factors = b.userFactors.get(user);
            List<String> topIds = b.topLists.getOrDefault(user, List.of());
            int[] top = topIds.stream().map(index::get).filter(Objects::nonNull).mapToInt(Integer::intValue).toArray();
            Map<Integer, float[]> history = new HashMap<>();
            Map<Integer, Long> last = new HashMap<>();
            for (Builder.HistoryRow h : b.histories.getOrDefault(user, List.of())) {
                Integer item = index.get(h.item);
                if (item != null) {
                    history.computeIfAbsent(item, x -> new float[1])[0] += (float) h.weight;
                    last.merge(item, h.lastMillis, Math::max);
                }
            }
            int[] items = history.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] weights = new float[items.length];
            long[] times = new long[items.length];
            for (int k = 0; k < items.length; k++) {
                weights[k] = history.get(items[k])[0];
                times[k] = last.get(items[k]);
            }
            users.put(user, new TeacherUser(factors, top, items, weights, times));
        }
        gram = new double[rank][rank];
        for (float[] y : itemFactors) {
            for (int f = 0; f < rank; f++) {
                for (int g = 0; g < rank; g++) {
                    gram[f][g] += (double) y[f] * y[g];
                }
            }
        }
    }

    /**
     * Starts a teacher for batch version {@code version} whose ALS model has {@code rank} factors and was fitted
     * with confidence {@code 1 + alsAlpha * count} and regularisation {@code alsReg} (for {@link #foldIn}).
     */
    public static Builder builder(String version, int rank, double alsAlpha, double alsReg) {
        return new Builder(version, rank, alsAlpha, alsReg);
    }

    /**
     * The rows the batch layer publishes for a fitted ALS model, fed through {@link #builder}: item and user
     * factors, each user's top {@code topN} (the {@code all} list of {@code toplists/ALS.jsonl}), the
     * neighbours of {@code neighbourModel} ({@code neighbours.jsonl}) and each user's history with purchases
     * weighted {@code buyWeight} per distinct basket.
     */
    public static Teacher of(String version, FactorModel als, double alsAlpha, double alsReg,
                             ItemNeighbourModel neighbourModel, int topN, double buyWeight) {
        Interactions train = als.train();
        if (neighbourModel.train().numItems() != train.numItems()) {
            throw new IllegalArgumentException("the neighbour model was fitted on other items than the ALS model");
        }
        Builder b = builder(version, als.rank(), alsAlpha, alsReg);
        for (int i = 0; i < train.numItems(); i++) {
            b.item(train.itemId(i), toFloat(als.itemFactors(i)), train.buyers(i));
            int[] nb = neighbourModel.neighbours(i);
            double[] sims = neighbourModel.similarities(i);
            List<String> ids = new ArrayList<>(nb.length);
            float[] s = new float[nb.length];
            for (int k = 0; k < nb.length; k++) {
                ids.add(train.itemId(nb[k]));
                s[k] = (float) sims[k];
            }
            b.neighbours(train.itemId(i), ids, s);
        }
        double[] scores = new double[train.numItems()];
        Ranker ranker = Ranker.forTrainingItems(train, topN);
        int[] none = new int[0];
        for (int u = 0; u < train.numUsers(); u++) {
            String user = train.userId(u);
            b.user(user, toFloat(als.userFactors(u)));
            UserHistory history = train.history(u);
            als.score(history, scores);
            List<String> top = new ArrayList<>(topN);
            for (int item : ranker.top(scores, none)) {
                top.add(train.itemId(item));
            }
            b.topList(user, top);
            for (int k = 0; k < history.size(); k++) {
                b.purchase(user, train.itemId(history.items()[k]), buyWeight * history.counts()[k],
                        history.lastMillis()[k]);
            }
        }
        return b.build();
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int f = 0; f < v.length; f++) {
            out[f] = (float) v[f];
        }
        return out;
    }

    /** The batch version this teacher is; states learnt against another version are reset. */
    public String version() {
        return version;
    }

    public int rank() {
        return rank;
    }

    public int numItems() {
        return itemIds.length;
    }

    /** Index of an item, or -1 for an item first seen after the batch cut-off. */
    public int itemIndex(String itemId) {
        Integer i = itemIndex.get(itemId);
        return i == null ? -1 : i;
    }

    public String itemId(int item) {
        return itemIds[item];
    }

    /** The item's factor vector (shared: do not modify). */
    float[] itemFactors(int item) {
        return itemFactors[item];
    }

    /** Distinct buyers of the item in the teacher's training data. */
    public int buyers(int item) {
        return buyers[item];
    }

    /** Neighbour indices of the item, most similar first (shared: do not modify). */
    int[] neighbours(int item) {
        return neighbours[item];
    }

    float[] similarities(int item) {
        return similarities[item];
    }

    /** The most bought items, best first: the list of users nobody knows anything about. */
    int[] popular() {
        return popular;
    }

    /** What the teacher knows of the user, or {@code null} for a user it has never seen. */
    TeacherUser user(String userId) {
        return users.get(userId);
    }

    /** Whether the teacher has a factor vector for the user. */
    public boolean knowsUser(String userId) {
        TeacherUser u = users.get(userId);
        return u != null && u.factors() != null;
    }

    /**
     * The least-squares vector of a user with these items (teacher indices) and purchase-equivalent counts
     * against the fixed item factors; zero for an empty history.
     */
    public double[] foldIn(int[] items, double[] counts, int size) {
        double[] x = new double[rank];
        if (size == 0) {
            return x;
        }
        double[][] a = new double[rank][rank];
        double[] b = new double[rank];
        for (int f = 0; f < rank; f++) {
            System.arraycopy(gram[f], 0, a[f], 0, rank);
            a[f][f] += alsReg * size;
        }
        for (int k = 0; k < size; k++) {
            float[] y = itemFactors[items[k]];
            double c = Math.max(counts[k], 0.0);
            for (int f = 0; f < rank; f++) {
                b[f] += (1.0 + alsAlpha * c) * y[f];
                double ayf = alsAlpha * c * y[f];
                for (int g = 0; g < rank; g++) {
                    a[f][g] += ayf * y[g];
                }
            }
        }
        return CholeskySolve.solve(a, b);
    }

    /**
     * Accumulates the batch views' rows. Items must be added with factors before {@link #build()}; neighbours,
     * top lists and histories naming unknown items skip those items.
     */
    public static final class Builder {
        private final String version;
        private final int rank;
        private final double alsAlpha;
        private final double alsReg;
        private final Map<String, ItemRow> items = new HashMap<>();
        private final Map<String, List<String>> neighbours = new HashMap<>();
        private final Map<String, float[]> neighbourSims = new HashMap<>();
        private final Map<String, float[]> userFactors = new HashMap<>();
        private final Map<String, List<String>> topLists = new HashMap<>();
        private final Map<String, List<HistoryRow>> histories = new HashMap<>();
        private int popularSize = 200;

        private record ItemRow(float[] factors, int buyers) {
        }

        private record HistoryRow(String item, double weight, long lastMillis) {
        }

        private Builder(String version, int rank, double alsAlpha, double alsReg) {
            this.version = Objects.requireNonNull(version, "version");
            if (rank < 1 || !(alsAlpha >= 0) || !(alsReg >= 0)) {
                throw new IllegalArgumentException("teacher: rank must be >= 1 and ALS alpha, reg >= 0, got rank="
                        + rank + " alpha=" + alsAlpha + " reg=" + alsReg);
            }
            this.rank = rank;
            this.alsAlpha = alsAlpha;
            this.alsReg = alsReg;
        }

        /** A row of {@code factors-items.jsonl} with the item's distinct buyers (the popularity view). */
        public Builder item(String itemId, float[] factors, int buyers) {
            if (factors.length != rank) {
                throw new IllegalArgumentException("item " + itemId + ": " + factors.length + " factors, expected "
                        + rank);
            }
            items.put(itemId, new ItemRow(factors.clone(), buyers));
            return this;
        }

        /** A row of {@code neighbours.jsonl}: similar items, most similar first. */
        public Builder neighbours(String itemId, List<String> neighbourIds, float[] sims) {
            if (neighbourIds.size() != sims.length) {
                throw new IllegalArgumentException("item " + itemId + ": neighbours and similarities differ in length");
            }
            neighbours.put(itemId, List.copyOf(neighbourIds));
            neighbourSims.put(itemId, sims.clone());
            return this;
        }

        /** A row of {@code factors-users.jsonl}. */
        public Builder user(String userId, float[] factors) {
            if (factors.length != rank) {
                throw new IllegalArgumentException("user " + userId + ": " + factors.length + " factors, expected "
                        + rank);
            }
            userFactors.put(userId, factors.clone());
            return this;
        }

        /** A row of {@code toplists/ALS.jsonl} (its {@code all} list), best first. */
        public Builder topList(String userId, List<String> itemIds) {
            topLists.put(userId, List.copyOf(itemIds));
            return this;
        }

        /** One (user, item) of the user's history before the batch cut-off, with its summed behaviour weight. */
        public Builder purchase(String userId, String itemId, double weight, long lastMillis) {
            histories.computeIfAbsent(userId, u -> new ArrayList<>()).add(new HistoryRow(itemId, weight, lastMillis));
            return this;
        }

        /** Length of the popularity list for users nobody knows (default 200). */
        public Builder popularSize(int size) {
            popularSize = size;
            return this;
        }

        private List<String> userIds() {
            java.util.Set<String> all = new java.util.TreeSet<>(userFactors.keySet());
            all.addAll(topLists.keySet());
            all.addAll(histories.keySet());
            return new ArrayList<>(all);
        }

        public Teacher build() {
            String[] ids = items.keySet().toArray(String[]::new);
            Arrays.sort(ids);
            Map<String, Integer> index = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                index.put(ids[i], i);
            }
            return new Teacher(this, ids, index);
        }
    }
}
