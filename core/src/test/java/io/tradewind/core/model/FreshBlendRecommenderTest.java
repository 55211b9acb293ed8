package io.tradewind.core.model;

import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreshBlendRecommenderTest {
    private static final long DAY = 86_400_000L;

    private static FreshBlendRecommender.Settings easeOnly(double freshness) {
        return FreshBlendRecommender.Settings.defaults().withEase(1.0).withAlsWeight(0).withFreshness(freshness)
                .withCfWeight(0.3).withRepeatRateExponent(0).withLivenessExponent(0);
    }

    /**
     * "old" has sold with tea for 300 days, "new" only for the last 10, each co-bought with tea by 6 users.
     * Raw co-purchase scores tie; the freshness factor turns them into rates, so the new item wins.
     */
    @Test
    void freshnessPrefersTheItemThatSellsFasterPerDayOnSale() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 6; u++) {
            b.add("old-fan" + u, "tea", "a" + u, (10 + u) * DAY);
            b.add("old-fan" + u, "old", "a" + u, (10 + u) * DAY);
            b.add("new-fan" + u, "tea", "b" + u, (300 + u) * DAY);
            b.add("new-fan" + u, "new", "b" + u, (300 + u) * DAY);
        }
        b.add("me", "tea", "c", 305 * DAY);
        Interactions x = b.build();
        int me = x.userIndex("me");
        double[] raw = new FreshBlendRecommender(easeOnly(0)).fit(x, ProgressListener.NONE).score(me);
        assertEquals(raw[x.itemIndex("old")], raw[x.itemIndex("new")], 1e-9);
        double[] fresh = new FreshBlendRecommender(easeOnly(0.5)).fit(x, ProgressListener.NONE).score(me);
        assertTrue(fresh[x.itemIndex("new")] > fresh[x.itemIndex("old")]);
    }

    @Test
    void ranksOwnItemsByCountAndRecencyAboveWeakSuggestions() {
        Interactions.Builder b = Interactions.builder();
        b.add("me", "often", "1", 100 * DAY).add("me", "often", "2", 200 * DAY).add("me", "often", "3", 250 * DAY);
        b.add("me", "once", "4", 250 * DAY);
        for (int u = 0; u < 4; u++) {
            b.add("other" + u, "once", "o" + u, 240 * DAY);
            b.add("other" + u, "suggested", "o" + u, 240 * DAY);
        }
        Interactions x = b.build();
        double[] s = new FreshBlendRecommender(easeOnly(0.5)).fit(x, ProgressListener.NONE).score(x.userIndex("me"));
        assertTrue(s[x.itemIndex("often")] > s[x.itemIndex("once")]);
        assertTrue(s[x.itemIndex("once")] > 0);
        assertTrue(s[x.itemIndex("suggested")] > 0, "co-purchase suggestion scores");
        assertTrue(s[x.itemIndex("often")] > s[x.itemIndex("suggested")]);
    }

    @Test
    void sharesComponentFitsThroughTheCache() {
        Interactions x = Interactions.builder().add("u", "a", "1", 1).add("u", "b", "1", 1).add("v", "a", "2", 2).build();
        FitCache cache = new FitCache();
        FittedModel first = cache.fit(new EaseRecommender(1.0), x, ProgressListener.NONE);
        assertTrue(first == cache.fit(new EaseRecommender(1.0), x, ProgressListener.NONE));
        assertTrue(first != cache.fit(new EaseRecommender(2.0), x, ProgressListener.NONE));
        FreshBlendRecommender blend = new FreshBlendRecommender(easeOnly(0.5).withEase(1.0), cache);
        assertEquals(x.numItems(), blend.fit(x, ProgressListener.NONE).score(0).length);
        assertEquals("FreshBlend", blend.name());
        assertEquals(1.0, blend.params().get("lambda"));
    }
}
