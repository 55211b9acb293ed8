package io.tradewind.core.model;

/**
 * Selects the k best of a set of candidate indices by a score, higher first, ties to the lower index: a bounded
 * heap over primitive arrays, so selecting neighbours of many items creates no garbage per candidate.
 */
final class TopK {
    private final int k;
    private final int[] heap;
    private final double[] heapScore;
    private int size;

    TopK(int k) {
        this.k = k;
        this.heap = new int[k];
        this.heapScore = new double[k];
    }

    void clear() {
        size = 0;
    }

    /** Offers a candidate; candidates must be distinct between {@link #clear()} calls. */
    void offer(int index, double score) {
        if (k == 0) {
            return;
        }
        if (size < k) {
            heap[size] = index;
            heapScore[size] = score;
            siftUp(size++);
        } else if (better(index, score, heap[0], heapScore[0])) {
            heap[0] = index;
            heapScore[0] = score;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    /** Writes the kept candidates best first into the arrays (which need room for {@link #size()}); empties the heap. */
    void drainBestFirst(int[] indices, double[] scores) {
        for (int n = size; n > 0; n--) {
            indices[n - 1] = heap[0];
            scores[n - 1] = heapScore[0];
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                heapScore[0] = heapScore[size];
                siftDown(0);
            }
        }
    }

    private static boolean better(int a, double sa, int b, double sb) {
        return sa > sb || (sa == sb && a < b);
    }

    // Min-heap: the root is the worst kept candidate.
    private void siftUp(int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], heapScore[parent], heap[pos], heapScore[pos])) {
                break;
            }
            swap(pos, parent);
            pos = parent;
        }
    }

    private void siftDown(int pos) {
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heap[left], heapScore[left], heap[right], heapScore[right])) {
                worst = right;
            }
            if (!better(heap[pos], heapScore[pos], heap[worst], heapScore[worst])) {
                return;
            }
            swap(pos, worst);
            pos = worst;
        }
    }

    private void swap(int a, int b) {
        int i = heap[a];
        heap[a] = heap[b];
        heap[b] = i;
        double s = heapScore[a];
        heapScore[a] = heapScore[b];
        heapScore[b] = s;
    }
}
