package io.tradewind.core.eval;

import io.tradewind.core.model.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The tie-break rules of PROTOCOL.md section 3. */
class RankerTest {
    //                                          0     1     2     3     4      5
    private static final boolean[] TRAINED = {true, true, true, true, true, false};
    private static final int[] BUYERS = {5, 9, 9, 1, 0, 100};
    private static final double[] SCORES = {1.0, 0.5, 0.5, 0.5, Double.NaN, 7.0};

    @Test
    void ordersByTrainedThenScoreThenBuyersThenId() {
        // 0 has the best score; 1, 2, 3 tie on score: 1 and 2 tie on buyers too, so the lower id first;
        // 4's NaN ranks as minus infinity; 5 has the top score but the model never saw it.
        Ranker ranker = new Ranker(TRAINED, BUYERS, 30);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ranker.top(SCORES, new int[0]));
    }

    @Test
    void cutsTheListAndSkipsExcludedItems() {
        Ranker ranker = new Ranker(TRAINED, BUYERS, 3);
        assertArrayEquals(new int[] {0, 1, 2}, ranker.top(SCORES, new int[0]));
        assertArrayEquals(new int[] {0, 2, 3}, ranker.top(SCORES, new int[] {1}));
        assertArrayEquals(new int[] {3, 4, 5}, ranker.top(SCORES, new int[] {0, 1, 2}));
    }

    @Test
    void fallsBackToPopularityThenIdForEqualScores() {
        // Items are indexed in id order: a, b, c, d. Buyers: a 1, b 2, c 2, d 3.
        Interactions x = Interactions.builder()
                .add("u1", "d", "1", 1).add("u2", "d", "2", 1).add("u3", "d", "3", 1)
                .add("u1", "c", "1", 1).add("u2", "c", "2", 1)
                .add("u1", "b", "1", 1).add("u3", "b", "3", 1)
                .add("u2", "a", "2", 1)
                .build();
        Ranker ranker = Ranker.forTrainingItems(x, 30);
        assertArrayEquals(new int[] {3, 1, 2, 0}, ranker.top(new double[4], new int[0]));
        // Negative zero equals zero: still a tie, decided by popularity.
        assertArrayEquals(new int[] {3, 1, 2, 0}, ranker.top(new double[] {0.0, -0.0, 0.0, -0.0}, new int[0]));
        assertArrayEquals(new int[] {0, 3, 1, 2}, ranker.top(new double[] {0.1, 0, 0, 0}, new int[0]));
    }
}
