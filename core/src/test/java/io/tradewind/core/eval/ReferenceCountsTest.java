package io.tradewind.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PROTOCOL.md section 8: the cleaning and split counts, to the row, on the real file. */
class ReferenceCountsTest {

    @Test
    void cleaningCountsMatchTheProtocol() {
        CleaningReport report = OnlineRetailFixture.cleaned().report();
        assertEquals(541_909, report.rowsRead());
        assertEquals(135_080, report.droppedNoCustomer());
        assertEquals(8_905, report.droppedCancelOrAdjust());
        assertEquals(40, report.droppedNonPositive());
        assertEquals(1_547, report.droppedNonProductCode());
        assertEquals(396_337, report.kept());
        assertEquals(4_334, report.users());
        assertEquals(3_659, report.items());
    }

    @Test
    void validationSplitMatchesTheProtocol() {
        assertSplit(OnlineRetailFixture.splits().validation(), 198_658, 146_769, 3_145, 3_332, 764, 762, 689,
                20_016, 10_535);
    }

    @Test
    void ortSplitMatchesTheProtocol() {
        assertSplit(OnlineRetailFixture.splits().ort(), 225_558, 162_426, 3_314, 3_388, 1_947, 1_945, 1_875,
                84_559, 56_803);
    }

    @Test
    void orIncSplitMatchesTheProtocol() {
        OrIncEvaluation.Setup setup = OnlineRetailFixture.orInc();
        EvaluationSplit split = setup.split();
        assertEquals(314_794, split.train().numLines(), "train interactions");
        assertEquals(220_880, split.train().numPairs(), "distinct pairs");
        assertEquals(3_607, split.candidates(), "candidates");
        assertEquals(1_540, split.usersWithBoth(), "users with both");
        assertEquals(1_538, split.testUsers(Track.A).size(), "track A users");
        assertEquals(1_440, split.testUsers(Track.B).size(), "track B users");
        // The stale model is OR-T's training data; the replay is everything between the two cut-offs.
        assertEquals(225_558, setup.stale().numLines(), "stale interactions");
        assertEquals(314_794 - 225_558, setup.replay().size(), "replayed events");
    }

    private static void assertSplit(EvaluationSplit split, long interactions, int pairs, int trainUsers,
                                    int candidates, int usersWithBoth, int trackA, int trackB, long truthA,
                                    long truthB) {
        assertEquals(interactions, split.train().numLines(), "train interactions");
        assertEquals(pairs, split.train().numPairs(), "distinct pairs");
        assertEquals(trainUsers, split.train().numUsers(), "train users");
        assertEquals(candidates, split.candidates(), "candidates");
        assertEquals(usersWithBoth, split.usersWithBoth(), "users with both");
        assertEquals(trackA, split.testUsers(Track.A).size(), "track A users");
        assertEquals(trackB, split.testUsers(Track.B).size(), "track B users");
        assertEquals(truthA, split.truthItems(Track.A), "track A truth items");
        assertEquals(truthB, split.truthItems(Track.B), "track B truth items");
    }
}
