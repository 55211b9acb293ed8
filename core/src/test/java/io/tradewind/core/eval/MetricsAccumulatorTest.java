package io.tradewind.core.eval;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PROTOCOL.md section 4 on a hand-computed example with 40 candidates and two users.
 *
 * <ul>
 *   <li>user 1: list 1, 2, ..., 30; truth {2, 5, 9}. At K=5: hits 2 (ranks 2 and 5), P = 0.4, R = 2/3,
 *       DCG = 1/log2(3) + 1/log2(6) = 1.017782, IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.130930, NDCG = 0.477624,
 *       MRR = 1/2, F1 = 0.5. At K=10: hits 3, P = 0.3, R = 1, DCG adds 1/log2(10), NDCG = 0.618891, F1 = 6/13.</li>
 *   <li>user 2: list 7, 0, 31..38, 11..30; truth {7}. Hit at rank 1: NDCG = MRR = HR = R = 1, P = 1/K,
 *       F1 = 2P/(P+1): 1/3 at K=5, 2/11 at K=10.</li>
 * </ul>
 * Means at K=5: P 0.3, R 5/6, F1 = 2 * 0.3 * 5/6 / (0.3 + 5/6) = 15/34, mF1 = (1/2 + 1/3)/2 = 5/12,
 * HR 1, NDCG 0.738812, MRR 0.75. At K=10: P 0.2, R 1, F1 1/3, mF1 (6/13 + 2/11)/2 = 0.321678,
 * NDCG 0.809445, MRR 0.75. Coverage@10: {1..10} and {7, 0, 31..38} cover 19 of 40 candidates.
 */
class MetricsAccumulatorTest {
    private static final double EPS = 1e-6;

    @Test
    void reproducesTheHandComputedExample() {
        MetricsAccumulator metrics = new MetricsAccumulator(40);
        metrics.add(IntStream.rangeClosed(1, 30).toArray(), new int[] {2, 5, 9});
        int[] second = IntStream.concat(IntStream.of(7, 0), IntStream.concat(IntStream.rangeClosed(31, 38),
                IntStream.rangeClosed(11, 30))).toArray();
        metrics.add(second, new int[] {7});
        TrackMetrics result = metrics.result();

        assertEquals(2, result.users());
        assertEquals(19.0 / 40.0, result.coverageAt10(), EPS);

        MetricValues at5 = result.at(5);
        assertEquals(0.3, at5.precision(), EPS);
        assertEquals(5.0 / 6.0, at5.recall(), EPS);
        assertEquals(15.0 / 34.0, at5.f1(), EPS);
        assertEquals(5.0 / 12.0, at5.meanF1(), EPS);
        assertEquals(1.0, at5.hitRate(), EPS);
        assertEquals(0.738812, at5.ndcg(), EPS);
        assertEquals(0.75, at5.mrr(), EPS);

        MetricValues at10 = result.at(10);
        assertEquals(0.2, at10.precision(), EPS);
        assertEquals(1.0, at10.recall(), EPS);
        assertEquals(1.0 / 3.0, at10.f1(), EPS);
        assertEquals((6.0 / 13.0 + 2.0 / 11.0) / 2, at10.meanF1(), EPS);
        assertEquals(0.809445, at10.ndcg(), EPS);
        assertEquals(0.75, at10.mrr(), EPS);

        assertEquals(6, result.atK().size());
    }

    @Test
    void countsAMissAsZeroEverywhere() {
        MetricsAccumulator metrics = new MetricsAccumulator(new int[] {5}, 10);
        metrics.add(new int[] {0, 1, 2, 3, 4}, new int[] {9});
        MetricValues at5 = metrics.result().at(5);
        assertEquals(0.0, at5.precision());
        assertEquals(0.0, at5.recall());
        assertEquals(0.0, at5.f1());
        assertEquals(0.0, at5.meanF1());
        assertEquals(0.0, at5.hitRate());
        assertEquals(0.0, at5.ndcg());
        assertEquals(0.0, at5.mrr());
    }

    @Test
    void refusesAnEmptyTruth() {
        assertThrows(IllegalArgumentException.class, () -> new MetricsAccumulator(5).add(new int[] {1}, new int[0]));
    }
}
