package io.tradewind.core.portrait;

/**
 * The fitted segmentation: how to standardise RFM and which centroid is which segment. Published with the
 * batch views so the speed layer assigns a live user to a segment exactly as the nightly job would.
 */
public record SegmentModel(Standardiser standardiser, double[][] centroids, String[] labels) {

    public double[] standardise(Rfm rfm) {
        return standardiser.apply(rfm.logFeatures());
    }

    public String segmentOf(Rfm rfm) {
        return labels[KMeans.nearestCentroid(standardise(rfm), centroids)];
    }

    /** A centroid in readable units: recency days, purchase occasions, monetary value (inverse of the log). */
    public double[] centroidInUnits(int cluster) {
        double[] logs = standardiser.invert(centroids[cluster]);
        double[] units = new double[logs.length];
        for (int j = 0; j < logs.length; j++) {
            units[j] = Math.expm1(logs[j]);
        }
        return units;
    }
}
