package io.tradewind.core.portrait;

import java.util.HashMap;
import java.util.Map;

/**
 * Names each segment from its standardised centroid (recency, frequency, monetary), so a marketer reads
 * "high-value" or "at-risk" rather than "cluster 3". Two segments with the same profile get numbered names.
 */
public final class SegmentLabeller {
    /** Stratum of users with no purchase in the window: they are not clustered and get cold-start lists. */
    public static final String NEW_USERS = "new";
    /** Buyers when there were too few of them to cluster ({@link PortraitBuilder#MIN_BUYERS_TO_SEGMENT}). */
    public static final String UNSEGMENTED = "unsegmented";

    private SegmentLabeller() {
    }

    public static String[] label(double[][] standardisedCentroids) {
        String[] labels = new String[standardisedCentroids.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < labels.length; c++) {
            String base = profile(standardisedCentroids[c]);
            int n = seen.merge(base, 1, Integer::sum);
            labels[c] = n == 1 ? base : base + "-" + n;
        }
        return labels;
    }

    /** z of recency is high when the last purchase was long ago; value is frequency and monetary together. */
    static String profile(double[] z) {
        double recency = z[0];
        double value = (z[1] + z[2]) / 2;
        boolean recent = recency < 0.25;
        if (recent && value >= 0.75) {
            return "high-value";
        }
        if (recent && value >= 0) {
            return "active";
        }
        if (recent) {
            return "growth";
        }
        if (value >= 0) {
            return "at-risk";
        }
        return "dormant";
    }
}
