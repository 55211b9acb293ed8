package io.tradewind.core.incremental;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalConfigTest {

    @Test
    void defaultsAreValidAndLeaveTheRankingTermAPositiveWeight() {
        IncrementalConfig d = IncrementalConfig.defaults();
        assertTrue(d.rankWeight() > 0);
        assertEquals(1.0 - d.alpha() - d.beta(), d.rankWeight(), 1e-15);
    }

    @Test
    void invalidValuesAreNamedInTheMessage() {
        IncrementalConfig d = IncrementalConfig.defaults();
        assertMessage(() -> d.withAlpha(-0.1), "alpha must be in [0, 1), got -0.1");
        assertMessage(() -> d.withBeta(1.0), "beta must be in [0, 1), got 1.0");
        assertMessage(() -> d.withAlpha(0.6).withBeta(0.5), "alpha + beta must be below 1");
        assertMessage(() -> d.withLambda(0), "lambda must be a positive finite number, got 0.0");
        assertMessage(() -> d.withLambda(Double.NaN), "lambda must be a positive finite number, got NaN");
        assertMessage(() -> d.withDistillK(0), "distillK must be at least 1, got 0");
        assertMessage(() -> d.withLearningRate(-1), "learningRate must be a positive finite number");
        assertMessage(() -> d.withNegatives(0), "negatives must be at least 1");
        assertMessage(() -> d.withMix(-1, 1, 1, 1), "cfWeight must be >= 0");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IncrementalConfig(
                -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
        for (String name : new String[] {"alpha", "beta", "lambda", "distillK", "learningRate", "negatives",
                "freshCapacity", "decayDays", "recentSources"}) {
            assertTrue(e.getMessage().contains(name + " must"), name + " missing from: " + e.getMessage());
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable build, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith("invalid incremental model configuration: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
