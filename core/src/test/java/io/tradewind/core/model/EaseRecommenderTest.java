package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseRecommenderTest {

    @Test
    void matchesTheClosedFormOnTwoItems() {
        // X'X = [[2, 1], [1, 1]]; with lambda 1, P = [[3, 1], [1, 2]]^-1 = [[0.4, -0.2], [-0.2, 0.6]].
        // B(a, b) = -P(a, b) / P(b, b) = 1/3 and B(b, a) = -P(b, a) / P(a, a) = 1/2.
        Interactions x = Interactions.builder()
                .add("u1", "a", "1", 1).add("u1", "b", "1", 1)
                .add("u2", "a", "2", 1)
                .build();
        for (int threads : new int[] {1, 2}) {
            EaseRecommender.Fitted ease = new EaseRecommender(1.0, threads).fit(x, ProgressListener.NONE);
            assertEquals(1.0 / 3.0, ease.weight(0, 1), 1e-12);
            assertEquals(0.5, ease.weight(1, 0), 1e-12);
            assertEquals(0.0, ease.weight(0, 0));
            double[] s = ease.score(x.userIndex("u2"));
            assertEquals(0.0, s[0]);
            assertEquals(1.0 / 3.0, s[1], 1e-12);
        }
    }

    @Test
    void recoversTheObviousCoPurchase() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 20; u++) {
            b.add("u" + u, "tea", "t" + u, u);
            b.add("u" + u, "cups", "t" + u, u);
            b.add("u" + u, u % 2 == 0 ? "biscuits" : "cake", "t" + u, u);
        }
        b.add("lonely", "tea", "x", 1);
        Interactions x = b.build();
        double[] s = new EaseRecommender(2.0).fit(x, ProgressListener.NONE).score(x.userIndex("lonely"));
        int cups = x.itemIndex("cups");
        assertTrue(s[cups] > s[x.itemIndex("biscuits")]);
        assertTrue(s[cups] > s[x.itemIndex("cake")]);
        assertTrue(s[cups] > 0.5, "tea predicts cups strongly: " + s[cups]);
    }
}
