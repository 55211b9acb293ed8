package io.tradewind.core.incremental;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalLossTest {
    private static final float[] BASE = {0.3f, -0.2f, 0.5f};
    private static final float[] DELTA = {0.1f, 0.05f, -0.2f};
    private static final float[][] NEGATIVES = {{0.2f, 0.1f, 0.0f}, {-0.4f, 0.3f, 0.2f}};
    private static final float[][] TOP = {{0.9f, 0.1f, 0.3f}, {0.1f, 0.8f, -0.1f}, {0.5f, 0.5f, 0.5f}};
    private static final IncrementalLoss.Example EXAMPLE =
            new IncrementalLoss.Example(new float[] {0.7f, -0.1f, 0.4f}, 1.0, 1.0, NEGATIVES, TOP);

    private static IncrementalConfig config(double alpha, double beta, double lambda) {
        return IncrementalConfig.defaults().withBeta(0).withAlpha(alpha).withBeta(beta).withLambda(lambda);
    }

    @Test
    void positionWeightsDecayExponentiallyFromRankOne() {
        assertEquals(Math.exp(-1 / 5.0), IncrementalLoss.positionWeight(1, 5.0), 1e-15);
        assertEquals(Math.exp(-3 / 2.0), IncrementalLoss.positionWeight(3, 2.0), 1e-15);
        assertEquals(Math.exp(-1.0), IncrementalLoss.positionWeight(2, 1.0) / IncrementalLoss.positionWeight(1, 1.0),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> IncrementalLoss.positionWeight(0, 5.0));
    }

    @Test
    void distillationIsThePositionWeightedPairLossOverTheTeachersTopItems() {
        IncrementalConfig c = config(0.3, 0.1, 2.0);
        double expected = 0;
        double total = 0;
        for (int r = 1; r <= TOP.length; r++) {
            total += Math.exp(-r / 2.0);
        }
        for (int r = 1; r <= TOP.length; r++) {
            for (float[] neg : NEGATIVES) {
                double d = 0;
                for (int f = 0; f < 3; f++) {
                    d += (BASE[f] + DELTA[f]) * (TOP[r - 1][f] - neg[f]);
                }
                expected += Math.exp(-r / 2.0) / total * Math.log1p(Math.exp(-d)) / NEGATIVES.length;
            }
        }
        assertEquals(expected, IncrementalLoss.evaluate(BASE, DELTA, EXAMPLE, c, null).distill(), 1e-7);
    }

    @Test
    void gradientOfEachTermMatchesFiniteDifferences() {
        // Each configuration isolates a term as far as the weights allow; the total's gradient is checked.
        checkGradient(config(0, 0, 5), EXAMPLE);                 // ranking only
        checkGradient(config(0.9, 0, 5), EXAMPLE);               // mostly distillation
        checkGradient(config(0, 0.9, 5), EXAMPLE);               // mostly drift
        checkGradient(config(0.3, 0.2, 1.5), EXAMPLE);           // all three
        checkGradient(config(0.3, 0.2, 1.5), new IncrementalLoss.Example(EXAMPLE.positive(), 1.0, -1.0, NEGATIVES,
                TOP));                                            // a return: ranked down
    }

    private static void checkGradient(IncrementalConfig c, IncrementalLoss.Example example) {
        double[] gradient = new double[3];
        IncrementalLoss.evaluate(BASE, DELTA, example, c, gradient);
        double h = 1e-3;
        for (int f = 0; f < 3; f++) {
            float[] plus = DELTA.clone();
            float[] minus = DELTA.clone();
            plus[f] += (float) h;
            minus[f] -= (float) h;
            double numeric = (IncrementalLoss.evaluate(BASE, plus, example, c, null).total(c)
                    - IncrementalLoss.evaluate(BASE, minus, example, c, null).total(c)) / (plus[f] - minus[f]);
            assertEquals(numeric, gradient[f], 1e-4, "d/d delta_" + f + " with " + c.params());
        }
    }

    @Test
    void alphaZeroRemovesDistillationsEffect() {
        IncrementalConfig c = config(0, 0.2, 5);
        float[][] otherTop = {{-0.9f, 0.4f, 0.0f}};
        double[] g1 = new double[3];
        double[] g2 = new double[3];
        double[] g3 = new double[3];
        IncrementalLoss.evaluate(BASE, DELTA, EXAMPLE, c, g1);
        IncrementalLoss.evaluate(BASE, DELTA, new IncrementalLoss.Example(EXAMPLE.positive(), 1, 1, NEGATIVES,
                otherTop), c, g2);
        IncrementalLoss.evaluate(BASE, DELTA, new IncrementalLoss.Example(EXAMPLE.positive(), 1, 1, NEGATIVES,
                new float[0][]), c, g3);
        assertArrayEquals(g1, g2, 0.0);
        assertArrayEquals(g1, g3, 0.0);
        // ... while with alpha > 0 the teacher's list moves the step.
        IncrementalConfig withDistill = config(0.3, 0.2, 5);
        IncrementalLoss.evaluate(BASE, DELTA, EXAMPLE, withDistill, g1);
        IncrementalLoss.evaluate(BASE, DELTA, new IncrementalLoss.Example(EXAMPLE.positive(), 1, 1, NEGATIVES,
                otherTop), withDistill, g2);
        assertTrue(Math.abs(g1[0] - g2[0]) > 1e-3);
    }

    @Test
    void driftIsHalfTheSquaredCorrection() {
        double drift = IncrementalLoss.evaluate(BASE, DELTA, EXAMPLE, config(0, 0.5, 5), null).drift();
        assertEquals(0.5 * (0.01 + 0.0025 + 0.04), drift, 1e-7);
    }
}
