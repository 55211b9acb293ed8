package io.tradewind.core.eval;

import io.tradewind.core.incremental.IncrementalConfig;
import io.tradewind.core.model.FittedModel;
import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI-sized OR-INC check on the real data with the settings the full evaluation chose on validation (no grid
 * here): per track one stale ALS teacher, one replay of September-October, one full refit. The incremental
 * model must close at least half of the teacher's stale-to-full NDCG@10 gap and beat the best peer's "stale + fresh
 * history" on each track (A: Repeat, 0.3397; B: EASE, 0.0834, met by a narrow margin). Replay and refit seconds are in
 * the failure message; they are compared by {@code ./tradewind evaluate --protocol or-inc} after its warm-up, not
 * here, where the first replay also pays the JIT's compilation on a shared machine.
 */
class OrIncQualityTest {

    @Test
    void trackA() {
        check(Track.A, IncrementalConfig.defaults().withMix(0.5, 1.0, 0.1, 0.6), 0.3397);
    }

    @Test
    void trackB() {
        check(Track.B, IncrementalConfig.defaults().withLearningRate(0.2).withMix(0.5, 1.0, 0.6, 0.6), 0.0834);
    }

    private static void check(Track track, IncrementalConfig config, double floor) {
        OrIncEvaluation.Setup setup = OnlineRetailFixture.orInc();
        var als = OrIncEvaluation.teacherFor(track, Runtime.getRuntime().availableProcessors());
        OrIncEvaluation.TeacherFit teacher = OrIncEvaluation.TeacherFit.of(setup, als);
        double stale = OrIncEvaluation.evaluateStale(setup, teacher.model(), false, EnumSet.of(track)).get(track)
                .at(10).ndcg();
        OrIncEvaluation.Replayed replayed = OrIncEvaluation.replay(setup, teacher.teacher(), config);
        double incremental = OrIncEvaluation.evaluateIncremental(setup, replayed, config, track).at(10).ndcg();
        long start = System.nanoTime();
        FittedModel full = als.fit(setup.split().train(), ProgressListener.NONE);
        double fullSeconds = (System.nanoTime() - start) / 1e9;
        double fullNdcg = Evaluator.evaluate(full, setup.split(), EnumSet.of(track)).get(track).at(10).ndcg();

        String numbers = track + ": stale " + stale + ", incremental " + incremental + ", full " + fullNdcg
                + ", replay " + replayed.seconds() + " s, full fit " + fullSeconds + " s";
        assertTrue(incremental - stale >= 0.5 * (fullNdcg - stale), "closes half the gap: " + numbers);
        assertTrue(incremental > floor, "above " + floor + ": " + numbers);
    }
}
