package io.tradewind.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.model.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Returns change what the models learn from, never the protocol's candidates, test users or truth. */
class EvaluationSplitTest {
    private static final long CUT = 1_000;

    private static Purchase line(String user, String item, String invoice, long time, long units) {
        return new Purchase(user, item, invoice, time, units);
    }

    @Test
    void returnsNetOutOfTheModelsTrainingInputOnly() {
        List<Purchase> purchases = List.of(
                line("u1", "jar", "1", 100, 74_215),     // returned whole below
                line("u1", "mug", "1", 100, 2),
                line("u2", "jar", "2", 200, 10),          // returned in part
                line("u2", "mug", "3", 300, 1),
                line("u1", "mug", "4", 2_000, 1),         // test
                line("u2", "jar", "5", 2_000, 1));        // test
        List<Purchase> returns = List.of(
                line("u1", "jar", "C1", 150, 74_215),
                line("u2", "jar", "C2", 250, 3),
                line("u2", "lamp", "C3", 260, 5),          // nothing bought: ignored
                line("u2", "mug", "C4", 1_500, 1));        // after the cutoff: not in training
        EvaluationSplit raw = EvaluationSplit.temporal("t", "<", ">=", purchases, CUT, Long.MAX_VALUE);
        EvaluationSplit netted = EvaluationSplit.temporal("t", "<", ">=", purchases, returns, CUT, Long.MAX_VALUE);

        assertSame(raw.train(), raw.modelTrain(), "no returns: the models learn from the training matrix");
        assertEquals(raw.train().numPairs(), netted.train().numPairs(), "candidates and histories stay raw");
        assertEquals(raw.candidates(), netted.candidates());
        for (Track track : Track.values()) {
            assertEquals(raw.testUsers(track).size(), netted.testUsers(track).size());
            for (int k = 0; k < raw.testUsers(track).size(); k++) {
                assertArrayEquals(raw.testUsers(track).get(k).truth(), netted.testUsers(track).get(k).truth());
            }
        }

        Interactions model = netted.modelTrain();
        int u1 = model.userIndex("u1");
        assertTrue(u1 >= 0);
        assertEquals(false, model.bought(u1, model.itemIndex("jar")), "a wholly returned pair is no interaction");
        assertEquals(1, model.buyers(model.itemIndex("jar")), "u2 kept 7 of 10 jars");
        assertEquals(-1, model.itemIndex("lamp"), "a return without a purchase creates nothing");
        assertEquals(2, model.buyers(model.itemIndex("mug")));
    }

    @Test
    void aModelFittedOnTheNettedInputIsEvaluatedOnTheRawCandidates() {
        List<Purchase> purchases = List.of(line("a", "x", "1", 1, 1), line("a", "y", "1", 1, 1),
                line("b", "x", "2", 2, 1), line("a", "x", "3", 2_000, 1), line("b", "y", "4", 2_000, 1));
        List<Purchase> returns = List.of(line("a", "y", "C1", 5, 1));
        EvaluationSplit split = EvaluationSplit.temporal("t", "<", ">=", purchases, returns, CUT, Long.MAX_VALUE);
        io.tradewind.core.model.FittedModel pop = new io.tradewind.core.model.PopularityRecommender()
                .fit(split.modelTrain(), io.tradewind.core.progress.ProgressListener.NONE);
        TrackMetrics a = Evaluator.evaluate(pop, split, java.util.EnumSet.of(Track.A)).get(Track.A);
        assertEquals(2, a.users());
        // x has two buyers left, y none: y ranks after x for both users; a's truth is x (rank 1), b's is y (rank 2).
        assertEquals((1.0 + 1 / (Math.log(3) / Math.log(2))) / 2, a.at(5).ndcg(), 1e-12);
    }
}
