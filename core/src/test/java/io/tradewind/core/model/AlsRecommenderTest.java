package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlsRecommenderTest {

    /** Two communities: users 0-29 buy items g0-g9, users 30-59 buy h0-h9, each a random 60 % of their block. */
    private static Interactions communities() {
        SplittableRandom random = new SplittableRandom(7);
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 60; u++) {
            String prefix = u < 30 ? "g" : "h";
            for (int i = 0; i < 10; i++) {
                if (random.nextDouble() < 0.6) {
                    int times = 1 + random.nextInt(3);
                    for (int t = 0; t < times; t++) {
                        b.add(String.format("u%02d", u), prefix + i, "b" + t, t);
                    }
                }
            }
        }
        return b.build();
    }

    @Test
    void lossNeverIncreasesAndFallsOverall() {
        Interactions x = communities();
        double previous = Double.POSITIVE_INFINITY;
        double first = 0;
        for (int iterations = 1; iterations <= 8; iterations++) {
            AlsRecommender.Fitted fit = new AlsRecommender(4, 2.0, 0.05, iterations, 3, 42, 1)
                    .fit(x, ProgressListener.NONE);
            double loss = fit.loss();
            assertTrue(loss <= previous + 1e-9, "iteration " + iterations + ": " + loss + " > " + previous);
            if (iterations == 1) {
                first = loss;
            }
            previous = loss;
        }
        assertTrue(previous < 0.9 * first, "loss should fall clearly: " + first + " -> " + previous);
    }

    @Test
    void isDeterministicForASeedWhateverTheThreads() {
        Interactions x = communities();
        AlsRecommender.Fitted one = new AlsRecommender(8, 1.0, 0.1, 5, 3, 42, 1).fit(x, ProgressListener.NONE);
        AlsRecommender.Fitted two = new AlsRecommender(8, 1.0, 0.1, 5, 3, 42, 2).fit(x, ProgressListener.NONE);
        AlsRecommender.Fitted again = new AlsRecommender(8, 1.0, 0.1, 5, 3, 42, 2).fit(x, ProgressListener.NONE);
        AlsRecommender.Fitted otherSeed = new AlsRecommender(8, 1.0, 0.1, 5, 3, 43, 2).fit(x, ProgressListener.NONE);
        for (int u = 0; u < x.numUsers(); u++) {
            assertArrayEquals(one.userFactors(u), two.userFactors(u));
            assertArrayEquals(two.userFactors(u), again.userFactors(u));
        }
        for (int i = 0; i < x.numItems(); i++) {
            assertArrayEquals(one.itemFactors(i), two.itemFactors(i));
        }
        assertFalse(java.util.Arrays.equals(one.userFactors(0), otherSeed.userFactors(0)));
    }

    @Test
    void recommendsFromTheUsersOwnCommunity() {
        Interactions x = communities();
        AlsRecommender.Fitted als = new AlsRecommender(2, 2.0, 0.1, 10).fit(x, ProgressListener.NONE);
        assertEquals(2, als.rank());
        assertEquals(2, als.itemFactors(0).length);
        for (int u = 0; u < x.numUsers(); u++) {
            char community = x.userId(u).compareTo("u30") < 0 ? 'g' : 'h';
            double[] s = als.score(u);
            int best = -1;
            double inside = 0;
            double outside = 0;
            for (int i = 0; i < x.numItems(); i++) {
                if (x.itemId(i).charAt(0) == community) {
                    inside += s[i];
                } else {
                    outside += s[i];
                }
                if (!x.bought(u, i) && (best < 0 || s[i] > s[best])) {
                    best = i;
                }
            }
            assertTrue(inside > outside, "user " + x.userId(u));
            if (x.userItemCount(u) < 10) { // someone who bought the whole block can only get the other one
                assertEquals(community, x.itemId(best).charAt(0), "best new item of " + x.userId(u));
            }
        }
    }

    @Test
    void foldsInANewUserNextToTheItemsTheyBought() {
        Interactions x = communities();
        AlsRecommender.Fitted als = new AlsRecommender(4, 2.0, 0.05, 10).fit(x, ProgressListener.NONE);
        int h3 = x.itemIndex("h3");
        int h7 = x.itemIndex("h7");
        double[] vector = als.foldIn(new UserHistory(-1, new int[] {h3, h7}, new int[] {2, 1}, new long[] {0, 0}));
        double[] s = new double[x.numItems()];
        als.scoreVector(vector, s);
        for (int i = 0; i < x.numItems(); i++) {
            if (x.itemId(i).startsWith("g")) {
                assertTrue(s[i] < s[h3], "g items below the user's community");
            }
        }
        double[] unknown = new double[x.numItems()];
        als.score(UserHistory.empty(), unknown);
        assertArrayEquals(new double[x.numItems()], unknown);
    }
}
