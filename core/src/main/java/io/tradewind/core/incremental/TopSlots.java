package io.tradewind.core.incremental;

/**
 * The best {@code n} of a stream of int slots under a total order, best first, in O(m log n) for m offered
 * slots and without boxing: a bounded heap whose root is the worst slot kept. Used where a list of thousands of
 * candidates needs only its first few dozen.
 */
final class TopSlots {
    /** A total order on slots: negative when {@code a} ranks before (is better than) {@code b}. */
    interface Order {
        int compare(int a, int b);
    }

    private final int[] heap;
    private final Order order;
    private int size;

    TopSlots(int n, Order order) {
        this.heap = new int[Math.max(0, n)];
        this.order = order;
    }

    void offer(int slot) {
        if (heap.length == 0) {
            return;
        }
        if (size < heap.length) {
            heap[size] = slot;
            up(size++);
        } else if (order.compare(slot, heap[0]) < 0) {
            heap[0] = slot;
            down(0);
        }
    }

    /** The kept slots, best first (empties the heap). */
    int[] drainBestFirst() {
        int[] out = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            out[k] = heap[0];
            heap[0] = heap[--size];
            down(0);
        }
        return out;
    }

    /** Root = worst: a parent ranks after its children. */
    private boolean worse(int a, int b) {
        return order.compare(heap[a], heap[b]) > 0;
    }

    private void up(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(k, parent)) {
                return;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void down(int k) {
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(left + 1, left) ? left + 1 : left;
            if (!worse(child, k)) {
                return;
            }
            swap(k, child);
            k = child;
        }
    }

    private void swap(int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
