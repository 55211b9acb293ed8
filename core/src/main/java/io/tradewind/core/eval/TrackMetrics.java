package io.tradewind.core.eval;

import java.util.Map;

/**
 * A model's metrics on one track.
 *
 * @param users        number of test users averaged over
 * @param coverageAt10 distinct items in any user's top 10 / number of candidates
 * @param atK          metrics per cut-off K, ascending K
 */
public record TrackMetrics(int users, double coverageAt10, Map<Integer, MetricValues> atK) {

    public MetricValues at(int k) {
        MetricValues values = atK.get(k);
        if (values == null) {
            throw new IllegalArgumentException("no metrics at K=" + k);
        }
        return values;
    }
}
