package io.tradewind.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/** The blocked inverse agrees with EJML's Cholesky inverse to rounding, on sizes that do and do not fill the blocks. */
class SpdInverseTest {

    @Test
    void agreesWithEjmlOnGramMatricesOfSparseBaskets() {
        for (int n : new int[] {1, 7, 64, 65, 530, 1100}) {
            for (boolean parallel : new boolean[] {false, true}) {
                double[] gram = basketGram(n, 400, new Random(n));
                double[] ours = gram.clone();
                assertTrue(SpdInverse.invertInPlace(ours, n, parallel));
                double[] ejml = ejmlInverse(gram, n);
                double scale = 0;
                double worst = 0;
                for (int i = 0; i < n * n; i++) {
                    scale = Math.max(scale, Math.abs(ejml[i]));
                    worst = Math.max(worst, Math.abs(ours[i] - ejml[i]));
                }
                assertTrue(worst <= 1e-12 * scale, "n=" + n + " parallel=" + parallel + ": max difference "
                        + worst + " against max entry " + scale);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertTrue(ours[i * n + j] == ours[j * n + i], "symmetric at " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[] a = {1, 2, 2, 1}; // eigenvalues 3 and -1
        assertFalse(SpdInverse.invertInPlace(a, 2, false));
    }

    /** X'X + lambda I for random 0/1 baskets with a few popular items, the shape EASE inverts. */
    static double[] basketGram(int n, double lambda, Random random) {
        int users = 2 * n + 10;
        double[] g = new double[n * n];
        for (int u = 0; u < users; u++) {
            int size = 1 + random.nextInt(Math.min(n, 30));
            int[] items = new int[size];
            for (int t = 0; t < size; t++) {
                items[t] = random.nextBoolean() ? random.nextInt(Math.max(1, n / 10)) : random.nextInt(n);
            }
            items = java.util.Arrays.stream(items).distinct().toArray();
            for (int i : items) {
                for (int j : items) {
                    g[i * n + j] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        return g;
    }

    private static double[] ejmlInverse(double[] a, int n) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        assertTrue(solver.setA(DMatrixRMaj.wrap(n, n, a.clone())));
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        solver.invert(inverse);
        return inverse.data;
    }
}
