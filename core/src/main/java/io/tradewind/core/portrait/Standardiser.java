package io.tradewind.core.portrait;

import java.util.List;

/**
 * Z-score standardisation fitted on one population and applied to any vector, so a user scored by the speed
 * layer lands in the same space as the nightly clusters. A constant column keeps scale 1 (not divide by zero).
 */
public record Standardiser(double[] mean, double[] scale) {

    public static Standardiser fit(List<double[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot standardise an empty population");
        }
        int d = rows.get(0).length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.size();
        }
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                double diff = r[j] - mean[j];
                sq[j] += diff * diff;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / rows.size());
            scale[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardiser(mean, scale);
    }

    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** Maps a standardised vector back to the original (log) space, e.g. to describe a centroid. */
    public double[] invert(double[] z) {
        double[] row = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            row[j] = z[j] * scale[j] + mean[j];
        }
        return row;
    }
}
