package io.tradewind.core.eval;

import io.tradewind.core.model.Interactions;

import java.util.Arrays;

/**
 * The ranking of PROTOCOL.md section 3: the top {@code listSize} candidates by (1) items the model was trained
 * on before items it never saw, (2) score descending, (3) distinct buyers in the model's training data
 * descending, (4) item id ascending.
 *
 * <p>Candidates are indexed in ascending item id order (as {@link Interactions} indexes items), so rule 4 is
 * "lower index first". A NaN score ranks as minus infinity. The ranker is immutable and thread-safe.
 */
public final class Ranker {
    private final boolean[] trained;
    private final int[] tieRank;
    private final int listSize;

    /**
     * @param trained  per candidate: whether the model was trained on it
     * @param buyers   per candidate: distinct buyers in the model's training data (0 when not trained on)
     * @param listSize length of the lists
     */
    public Ranker(boolean[] trained, int[] buyers, int listSize) {
        if (trained.length != buyers.length) {
            throw new IllegalArgumentException("trained and buyers differ in length");
        }
        this.trained = trained.clone();
        this.listSize = listSize;
        Integer[] order = new Integer[buyers.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> buyers[a] != buyers[b] ? Integer.compare(buyers[b], buyers[a])
                : Integer.compare(a, b));
        tieRank = new int[buyers.length];
        for (int position = 0; position < order.length; position++) {
            tieRank[order[position]] = position;
        }
    }

    /** Ranker for a model trained on exactly the candidates of {@code train} (the OR-T case). */
    public static Ranker forTrainingItems(Interactions train, int listSize) {
        boolean[] trained = new boolean[train.numItems()];
        int[] buyers = new int[train.numItems()];
        for (int i = 0; i < buyers.length; i++) {
            trained[i] = true;
            buyers[i] = train.buyers(i);
        }
        return new Ranker(trained, buyers, listSize);
    }

    public int listSize() {
        return listSize;
    }

    /**
     * The best candidates first.
     *
     * @param scores   score per candidate
     * @param excluded candidates that may not be listed, ascending (empty for none)
     */
    public int[] top(double[] scores, int[] excluded) {
        int capacity = Math.min(listSize, scores.length);
        int[] heap = new int[capacity];
        int size = 0;
        int next = 0;
        for (int c = 0; c < scores.length; c++) {
            if (next < excluded.length && excluded[next] == c) {
                next++;
                continue;
            }
            if (size < capacity) {
                heap[size] = c;
                siftUp(heap, size++, scores);
            } else if (capacity > 0 && better(c, heap[0], scores)) {
                heap[0] = c;
                siftDown(heap, size, scores);
            }
        }
        int[] list = new int[size];
        for (int n = size; n > 0; n--) {
            list[n - 1] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return list;
    }

    /** Whether candidate a ranks before candidate b. */
    boolean better(int a, int b, double[] scores) {
        if (trained[a] != trained[b]) {
            return trained[a];
        }
        double sa = Double.isNaN(scores[a]) ? Double.NEGATIVE_INFINITY : scores[a];
        double sb = Double.isNaN(scores[b]) ? Double.NEGATIVE_INFINITY : scores[b];
        if (sa != sb) {
            return sa > sb;
        }
        return tieRank[a] < tieRank[b];
    }

    // Min-heap on rank: the root is the worst listed candidate.
    private void siftUp(int[] heap, int pos, double[] scores) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], heap[pos], scores)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[pos];
            heap[pos] = t;
            pos = parent;
        }
    }

    private void siftDown(int[] heap, int size, double[] scores) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            if (left + 1 < size && better(heap[left], heap[left + 1], scores)) {
                worst = left + 1;
            }
            if (!better(heap[pos], heap[worst], scores)) {
                return;
            }
            int t = heap[pos];
            heap[pos] = heap[worst];
            heap[worst] = t;
            pos = worst;
        }
    }
}
