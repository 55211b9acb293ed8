package io.tradewind.core.model;

import java.util.stream.IntStream;

/**
 * The inverse of a symmetric positive definite matrix (row-major, n x n), as LAPACK's potrf + potri compute it:
 * Cholesky {@code A = U'U}, {@code T = U^-1}, {@code A^-1 = T T'}; about n^3 flops in all.
 *
 * <p>Why not EJML's Cholesky inverse: its inner loops are dot products, which the JIT does not vectorise (a
 * floating-point sum must keep its order). Here every inner loop is an axpy over a contiguous row segment
 * ({@code y[j] += a * x[j]}), which it does vectorise, and the loops are blocked so that the rows they
 * stream stay in the core's cache. Same arithmetic in double precision; only the order of the additions
 * differs, so results agree with EJML's to rounding (see {@code SpdInverseTest}).
 */
final class SpdInverse {
    /** Rows per block: the block's rows times a column tile stay in L2 while the other rows stream past. */
    private static final int BLOCK = 64;
    /** Columns per tile (4 KB of doubles per row segment). */
    private static final int TILE = 512;

    private SpdInverse() {
    }

    /**
     * Replaces {@code a} (symmetric positive definite; only its upper triangle is read) by its inverse, both
     * triangles filled.
     *
     * @param parallel spread independent rows and tiles over the common fork-join pool
     * @return false, leaving {@code a} undefined, when {@code a} is not positive definite
     */
    static boolean invertInPlace(double[] a, int n, boolean parallel) {
        if (!cholesky(a, n, parallel)) {
            return false;
        }
        invertUpperTriangle(a, n, parallel);
        double[] lower = transposeUpper(a, n);
        productWithTranspose(lower, a, n, parallel);
        return true;
    }

    /** Upper triangle of {@code a} := U with {@code A = U'U} (right-looking, blocked by rows). */
    static boolean cholesky(double[] a, int n, boolean parallel) {
        for (int kb = 0; kb < n; kb += BLOCK) {
            int ke = Math.min(kb + BLOCK, n);
            for (int k = kb; k < ke; k++) {
                int rowK = k * n;
                double d = a[rowK + k];
                if (!(d > 0)) {
                    return false;
                }
                d = Math.sqrt(d);
                a[rowK + k] = d;
                double scale = 1.0 / d;
                for (int j = k + 1; j < n; j++) {
                    a[rowK + j] *= scale;
                }
                for (int i = k + 1; i < ke; i++) {
                    axpy(a, i * n + i, -a[rowK + i], a, rowK + i, n - i);
                }
            }
            // The rows below the block get all of the block's updates, one column tile at a time.
            int firstRow = ke;
            int blockStart = kb;
            int blockEnd = ke;
            forEach(tiles(firstRow, n), parallel, tile -> {
                int jStart = firstRow + tile * TILE;
                int jEnd = Math.min(jStart + TILE, n);
                for (int i = firstRow; i < jEnd; i++) {
                    int from = Math.max(i, jStart);
                    int k = blockStart;
                    for (; k + 3 < blockEnd; k += 4) {
                        axpy4(a, i * n + from, -a[k * n + i], -a[(k + 1) * n + i], -a[(k + 2) * n + i],
                                -a[(k + 3) * n + i], a, k * n + from, n, jEnd - from);
                    }
                    for (; k < blockEnd; k++) {
                        axpy(a, i * n + from, -a[k * n + i], a, k * n + from, jEnd - from);
                    }
                }
            });
        }
        return true;
    }

    /** Upper triangle of {@code a} := U^-1, from the bottom row up, blocked by rows. */
    static void invertUpperTriangle(double[] a, int n, boolean parallel) {
        double[] acc = new double[BLOCK * n];
        for (int blockEnd = n; blockEnd > 0; blockEnd -= BLOCK) {
            int ie = blockEnd;
            int ib = Math.max(0, ie - BLOCK);
            int rows = ie - ib;
            java.util.Arrays.fill(acc, 0, rows * n, 0.0);
            // Contributions of the finished rows below the block: acc_i[j] = sum_k U[i][k] T[k][j], k >= ie.
            int below = ie;
            forEach(tiles(below, n), parallel, tile -> {
                int jStart = below + tile * TILE;
                int jEnd = Math.min(jStart + TILE, n);
                int k = below;
                for (; k + 3 < jEnd && k + 3 <= jStart; k += 4) { // four whole rows of T in the tile
                    for (int i = ib; i < ie; i++) {
                        int rowI = i * n;
                        axpy4(acc, (i - ib) * n + jStart, a[rowI + k], a[rowI + k + 1], a[rowI + k + 2],
                                a[rowI + k + 3], a, k * n + jStart, n, jEnd - jStart);
                    }
                }
                for (; k < jEnd; k++) { // rows of T that start inside the tile
                    int from = Math.max(k, jStart);
                    for (int i = ib; i < ie; i++) {
                        axpy(acc, (i - ib) * n + from, a[i * n + k], a, k * n + from, jEnd - from);
                    }
                }
            });
            // Then the block's own rows, bottom up: row i needs the finished rows i+1 .. ie-1.
            for (int i = ie - 1; i >= ib; i--) {
                int rowI = i * n;
                int accI = (i - ib) * n;
                for (int k = i + 1; k < ie; k++) {
                    double u = a[rowI + k];
                    if (u != 0) {
                        axpy(acc, accI + k, u, a, k * n + k, n - k);
                    }
                }
                double inverseDiagonal = 1.0 / a[rowI + i];
                a[rowI + i] = inverseDiagonal;
                for (int j = i + 1; j < n; j++) {
                    a[rowI + j] = -inverseDiagonal * acc[accI + j];
                }
            }
        }
    }

    /** W = T' as a lower-triangular row-major matrix (row k of W is column k of T). */
    private static double[] transposeUpper(double[] t, int n) {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                w[j * n + i] = t[i * n + j];
            }
        }
        return w;
    }

    /** {@code out} := T T' = W'W, both triangles: out[i][j] = sum over k >= j of W[k][i] W[k][j], for j >= i. */
    private static void productWithTranspose(double[] w, double[] out, int n, boolean parallel) {
        java.util.Arrays.fill(out, 0.0);
        forEach((n + BLOCK - 1) / BLOCK, parallel, block -> {
            int ib = block * BLOCK;
            int ie = Math.min(ib + BLOCK, n);
            for (int jStart = ib; jStart < n; jStart += TILE) {
                int jEnd = Math.min(jStart + TILE, n);
                int k = Math.max(ib, jStart); // rows k < jStart add nothing to this tile
                for (; k < n && k < jEnd - 1; k++) { // rows of W that end inside the tile
                    addRowOfW(w, out, n, k, ib, ie, jStart, jEnd);
                }
                for (; k + 3 < n; k += 4) { // four rows of W that span the whole tile
                    for (int i = ib; i < Math.min(ie, jEnd); i++) {
                        int from = Math.max(i, jStart);
                        axpy4(out, i * n + from, w[k * n + i], w[(k + 1) * n + i], w[(k + 2) * n + i],
                                w[(k + 3) * n + i], w, k * n + from, n, jEnd - from);
                    }
                }
                for (; k < n; k++) {
                    addRowOfW(w, out, n, k, ib, ie, jStart, jEnd);
                }
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
    }

    /** Adds row k of W's share to rows [ib, ie) of out, columns [jStart, jEnd). */
    private static void addRowOfW(double[] w, double[] out, int n, int k, int ib, int ie, int jStart, int jEnd) {
        int rowK = k * n;
        int last = Math.min(k + 1, jEnd); // W[k][j] is zero for j > k
        for (int i = ib; i < Math.min(ie, k + 1); i++) {
            int from = Math.max(i, jStart);
            if (from < last) {
                axpy(out, i * n + from, w[rowK + i], w, rowK + from, last - from);
            }
        }
    }

    /** y[yOff + t] += alpha * x[xOff + t] for t in [0, len): the loop the JIT turns into vector instructions. */
    private static void axpy(double[] y, int yOff, double alpha, double[] x, int xOff, int len) {
        for (int t = 0; t < len; t++) {
            y[yOff + t] += alpha * x[xOff + t];
        }
    }

    /**
     * y[yOff + t] += a0 x[x0 + t] + a1 x[x0 + stride + t] + a2 x[x0 + 2 stride + t] + a3 x[x0 + 3 stride + t]:
     * four rows per pass over y halve the loads and stores per multiply-add.
     */
    private static void axpy4(double[] y, int yOff, double a0, double a1, double a2, double a3, double[] x, int x0,
                              int stride, int len) {
        int x1 = x0 + stride;
        int x2 = x1 + stride;
        int x3 = x2 + stride;
        for (int t = 0; t < len; t++) {
            y[yOff + t] += a0 * x[x0 + t] + a1 * x[x1 + t] + a2 * x[x2 + t] + a3 * x[x3 + t];
        }
    }

    private static int tiles(int from, int n) {
        return (n - from + TILE - 1) / TILE;
    }

    private static void forEach(int count, boolean parallel, java.util.function.IntConsumer body) {
        IntStream range = IntStream.range(0, count);
        (parallel ? range.parallel() : range).forEach(body);
    }
}
