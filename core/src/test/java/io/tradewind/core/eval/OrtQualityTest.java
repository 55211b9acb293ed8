package io.tradewind.core.eval;

import io.tradewind.core.model.FreshBlendRecommender;
import io.tradewind.core.model.ItemKnnRecommender;
import io.tradewind.core.model.PopularityRecommender;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI-sized quality check on the real OR-T split with fixed hyper-parameters (the validation choice of the
 * full grid for track A; no grid search here): FreshBlend must beat Pop and ItemKNN by a clear margin on both
 * tracks, and stay above the best peer numbers of PEERS.md. One FreshBlend fit (EASE + ALS) serves both tracks.
 */
class OrtQualityTest {
    private static Map<Track, TrackMetrics> pop;
    private static Map<Track, TrackMetrics> itemKnn;
    private static Map<Track, TrackMetrics> blend;

    @BeforeAll
    static void evaluate() {
        EvaluationSplit ort = OnlineRetailFixture.splits().ort();
        pop = run(new PopularityRecommender(), ort);
        itemKnn = run(new ItemKnnRecommender(25), ort);
        blend = run(new FreshBlendRecommender(FreshBlendRecommender.Settings.defaults()
                .withEase(800).withAlsWeight(0.5).withFreshness(0.7).withCfWeight(0.3)), ort);
    }

    private static Map<Track, TrackMetrics> run(Recommender recommender, EvaluationSplit split) {
        return Evaluator.evaluate(recommender.fit(split.train(), ProgressListener.NONE), split,
                EnumSet.allOf(Track.class));
    }

    @Test
    void beatsPopularityAndItemKnnClearlyOnTrackA() {
        assertBeats(Track.A, pop, 2.0);
        assertBeats(Track.A, itemKnn, 1.3);
    }

    @Test
    void beatsPopularityAndItemKnnClearlyOnTrackB() {
        assertBeats(Track.B, pop, 2.0);
        assertBeats(Track.B, itemKnn, 1.15);
    }

    @Test
    void staysAboveTheBestPeers() {
        // PEERS.md: track A Repeat 0.3858 / 0.2054, track B EASE (lambda 800) 0.1244 / 0.0890.
        assertAbove(Track.A, 0.3858, 0.2054);
        assertAbove(Track.B, 0.1244, 0.0890);
    }

    private static void assertBeats(Track track, Map<Track, TrackMetrics> other, double factor) {
        double ndcg = blend.get(track).at(10).ndcg();
        double recall = blend.get(track).at(20).recall();
        double otherNdcg = other.get(track).at(10).ndcg();
        double otherRecall = other.get(track).at(20).recall();
        assertTrue(ndcg > factor * otherNdcg, track + " NDCG@10 " + ndcg + " vs " + otherNdcg + " x " + factor);
        assertTrue(recall > factor * otherRecall, track + " Recall@20 " + recall + " vs " + otherRecall + " x " + factor);
    }

    private static void assertAbove(Track track, double ndcg10, double recall20) {
        double ndcg = blend.get(track).at(10).ndcg();
        double recall = blend.get(track).at(20).recall();
        assertTrue(ndcg > ndcg10, track + " NDCG@10 " + ndcg + " <= " + ndcg10);
        assertTrue(recall > recall20, track + " Recall@20 " + recall + " <= " + recall20);
    }
}
