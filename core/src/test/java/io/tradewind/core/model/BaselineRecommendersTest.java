package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pop and Repeat on a hand-made matrix. */
class BaselineRecommendersTest {
    private static final Interactions X = Interactions.builder()
            .add("u1", "a", "1", 10)
            .add("u1", "a", "2", 20)
            .add("u1", "b", "2", 20)
            .add("u1", "c", "3", 90)
            .add("u2", "a", "4", 30)
            .add("u3", "a", "5", 30)
            .add("u3", "d", "5", 30)
            .add("u2", "d", "6", 40)
            .build();

    @Test
    void popScoresDistinctBuyers() {
        FittedModel pop = new PopularityRecommender().fit(X, ProgressListener.NONE);
        assertArrayEquals(new double[] {3, 1, 1, 2}, pop.score(0));
    }

    @Test
    void repeatRanksOwnItemsByCountThenRecency() {
        FittedModel repeat = new RepeatRecommender().fit(X, ProgressListener.NONE);
        double[] s = repeat.score(X.userIndex("u1"));
        int a = X.itemIndex("a");
        int b = X.itemIndex("b");
        int c = X.itemIndex("c");
        int d = X.itemIndex("d");
        assertTrue(s[a] > s[c], "two purchases beat one");
        assertTrue(s[c] > s[b], "same count: the later purchase first");
        assertTrue(s[b] > s[d], "own items before others");
        assertEquals(0.0, s[d]);
        assertEquals(2, Math.floor(s[a]));
    }
}
