package io.tradewind.core.eval;

/**
 * The metrics of PROTOCOL.md section 4 at one cut-off K, averaged over a track's test users. {@code f1} is the
 * harmonic mean of the averaged precision and recall, {@code meanF1} the mean of the per-user F1.
 */
public record MetricValues(double precision, double recall, double f1, double meanF1, double hitRate, double ndcg,
                           double mrr) {
}
