package io.tradewind.core.model;

import org.ejml.data.DMatrixRMaj;

/** Dense co-purchase counts of the binary purchase matrix. */
final class CoPurchase {
    private CoPurchase() {
    }

    /** X'X: entry (i, j) = number of users who bought both i and j; the diagonal holds the buyers of i. */
    static DMatrixRMaj gram(Interactions x) {
        int n = x.numItems();
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        double[] g = gram.data;
        for (int u = 0; u < x.numUsers(); u++) {
            int from = x.userStart[u];
            int to = x.userStart[u + 1];
            for (int p = from; p < to; p++) {
                int row = x.pairItem[p] * n;
                for (int q = from; q < to; q++) {
                    g[row + x.pairItem[q]] += 1.0;
                }
            }
        }
        return gram;
    }
}
