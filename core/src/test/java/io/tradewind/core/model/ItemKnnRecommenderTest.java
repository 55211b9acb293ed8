package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemKnnRecommenderTest {

    /** Tea is always bought with cups; saucers sometimes; the user who bought only tea should get cups. */
    private static Interactions shop() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 6; u++) {
            b.add("u" + u, "tea", "t" + u, u);
            b.add("u" + u, "cups", "t" + u, u);
        }
        b.add("u0", "saucer", "s0", 1);
        b.add("u6", "saucer", "s6", 1);
        b.add("u7", "tea", "x7", 1);
        b.add("u8", "spoon", "x8", 1);
        return b.build();
    }

    @Test
    void recoversTheObviousCoPurchase() {
        Interactions x = shop();
        FittedModel knn = new ItemKnnRecommender(10).fit(x, ProgressListener.NONE);
        double[] s = knn.score(x.userIndex("u7"));
        int cups = x.itemIndex("cups");
        for (int i = 0; i < s.length; i++) {
            if (i != cups) {
                assertTrue(s[cups] > s[i], "cups first");
            }
        }
        // sim(tea, cups) = 6 co-buyers / sqrt(7 buyers * 6 buyers)
        assertEquals(6 / Math.sqrt(7.0 * 6.0), s[cups], 1e-12);
    }

    @Test
    void keepsTheKMostSimilarWithTiesToTheLowerIndex() {
        // "a" is co-bought once with each of b, c, d, which all have one buyer: a three-way tie.
        Interactions x = Interactions.builder()
                .add("u1", "a", "1", 1).add("u1", "d", "1", 1)
                .add("u2", "a", "2", 1).add("u2", "b", "2", 1)
                .add("u3", "a", "3", 1).add("u3", "c", "3", 1)
                .build();
        ItemKnnRecommender.Fitted knn = new ItemKnnRecommender(2).fit(x, ProgressListener.NONE);
        int a = x.itemIndex("a");
        assertArrayEquals(new int[] {x.itemIndex("b"), x.itemIndex("c")}, knn.neighbours(a));
        assertArrayEquals(new double[] {1 / Math.sqrt(3), 1 / Math.sqrt(3)}, knn.similarities(a), 1e-15);
        // b's only co-purchase is a.
        assertArrayEquals(new int[] {a}, knn.neighbours(x.itemIndex("b")));
    }
}
