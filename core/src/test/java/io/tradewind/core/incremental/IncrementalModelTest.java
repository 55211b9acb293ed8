package io.tradewind.core.incremental;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalModelTest {
    private static final int RANK = 4;
    private static final long DAY = 86_400_000L;
    private static final IncrementalConfig CONFIG = IncrementalConfig.defaults().withDistillK(3).withNegatives(2)
            .withLearningRate(0.2);
    private static final IncrementalModel MODEL = new IncrementalModel(CONFIG, BehaviourWeights.DEFAULT);

    /** Items i0000.. with seeded factors; user u1 with a top list of the first 10 items and a short history. */
    private static Teacher teacher(int items, String version) {
        SplittableRandom random = new SplittableRandom(7);
        Teacher.Builder b = Teacher.builder(version, RANK, 1.0, 0.1);
        for (int i = 0; i < items; i++) {
            float[] y = new float[RANK];
            for (int f = 0; f < RANK; f++) {
                y[f] = (float) (random.nextDouble() - 0.5);
            }
            b.item(id(i), y, items - i);
            b.neighbours(id(i), List.of(id((i + 1) % 50), id((i + 2) % 50), id((i + 3) % 50)),
                    new float[] {0.5f, 0.4f, 0.3f});
        }
        b.user("u1", new float[] {0.2f, 0.1f, -0.1f, 0.3f});
        List<String> top = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            top.add(id(i));
        }
        b.topList("u1", top);
        b.purchase("u1", id(20), 5, 0);
        b.purchase("u1", id(21), 10, DAY);
        return b.build();
    }

    private static String id(int i) {
        return String.format("i%04d", i);
    }

    private static BehaviourEvent event(String user, String item, EventType type, long t) {
        return new BehaviourEvent(user + item + t, user, item, type, t, 1, null, null, null, null, null, null, "test");
    }

    private static final Trending TRENDING = Trending.of(List.of(id(30), id(31), id(32), "brand-new"),
            new double[] {9, 7, 5, 4});

    @Test
    void perEventCostDoesNotDependOnTheCatalogueSize() {
        Teacher small = teacher(50, "v1");
        Teacher large = teacher(5_000, "v1");
        UserState a = UserState.empty("u1");
        UserState b = UserState.empty("u1");
        int bound = 1 + CONFIG.distillK() + 4 * CONFIG.negatives() + CONFIG.negatives();
        for (int k = 0; k < 20; k++) {
            BehaviourEvent e = event("u1", id(40 + k % 7), k % 3 == 0 ? EventType.VIEW : EventType.BUY, k * DAY);
            IncrementalModel.Update ua = MODEL.update(a, e, small, TRENDING);
            IncrementalModel.Update ub = MODEL.update(b, e, large, TRENDING);
            assertEquals(ua.itemsTouched(), ub.itemsTouched(), "event " + k);
            assertTrue(ua.itemsTouched() > 0 && ua.itemsTouched() <= bound, ua.itemsTouched() + " > " + bound);
            a = ua.state();
            b = ub.state();
        }
        assertArrayEquals(a.correction(), b.correction());
    }

    @Test
    void purchasesRankTheItemUpAndReturnsRankItDown() {
        Teacher teacher = teacher(50, "v1");
        String item = id(45);
        UserState bought = UserState.empty("u1");
        UserState returned = UserState.empty("u1");
        for (int k = 0; k < 30; k++) {
            bought = MODEL.update(bought, event("u1", item, EventType.BUY, k * DAY), teacher, TRENDING).state();
            returned = MODEL.update(returned, event("u1", item, EventType.RETURN, k * DAY), teacher, TRENDING).state();
        }
        float[] y = factors(teacher, item);
        assertTrue(dot(bought.correction(), y) > 0, "a purchase raises the item's score");
        assertTrue(dot(returned.correction(), y) < 0, "a return lowers it");
    }

    @Test
    void viewsCountLessThanPurchases() {
        Teacher teacher = teacher(50, "v1");
        String item = id(45);
        UserState viewed = MODEL.update(UserState.empty("u1"), event("u1", item, EventType.VIEW, 0), teacher, TRENDING)
                .state();
        UserState bought = MODEL.update(UserState.empty("u1"), event("u1", item, EventType.BUY, 0), teacher, TRENDING)
                .state();
        assertEquals(1.0f, viewed.freshWeight(0));
        assertEquals(5.0f, bought.freshWeight(0));
        float[] y = factors(teacher, item);
        assertTrue(dot(bought.correction(), y) > dot(viewed.correction(), y));
    }

    @Test
    void searchEventsLearnNothing() {
        Teacher teacher = teacher(50, "v1");
        IncrementalModel.Update u = MODEL.update(UserState.empty("u1"), event("u1", "", EventType.SEARCH, 0), teacher,
                TRENDING);
        assertEquals(0, u.itemsTouched());
        assertEquals(0, u.state().freshItems());
        assertEquals(1, u.state().events());
    }

    @Test
    void aNewBatchVersionDropsTheCorrectionButKeepsFreshItems() {
        UserState s = MODEL.update(UserState.empty("u1"), event("u1", id(45), EventType.BUY, 0), teacher(50, "v1"),
                TRENDING).state();
        assertTrue(dot(s.correction(), s.correction()) > 0);
        UserState moved = MODEL.update(s, event("u1", "brand-new", EventType.VIEW, DAY), teacher(50, "v2"), TRENDING)
                .state();
        assertEquals("v2", moved.teacherVersion());
        assertEquals(0f, dot(moved.correction(), moved.correction()));
        assertEquals(2, moved.freshItems());
    }

    @Test
    void newUsersAreFoldedInAndNewItemsReachListsThroughTheirOwnItemsAndTrending() {
        Teacher teacher = teacher(50, "v1");
        assertFalse(teacher.knowsUser("stranger"));
        UserState s = UserState.empty("stranger");
        s = MODEL.update(s, event("stranger", id(12), EventType.BUY, 0), teacher, TRENDING).state();
        s = MODEL.update(s, event("stranger", "brand-new-2", EventType.CART, DAY), teacher, TRENDING).state();
        assertEquals(RANK, s.parameters());
        // Neighbours and trending weigh as much as own items here, the factor score little.
        IncrementalModel model = new IncrementalModel(CONFIG.withMix(0.1, 1, 1, 1), BehaviourWeights.DEFAULT);
        List<ScoredItem> list = model.recommend(s, 10, Set.of(), 2 * DAY, teacher, TRENDING);
        List<String> ids = list.stream().map(ScoredItem::item).toList();
        assertEquals(10, ids.size());
        assertTrue(ids.contains(id(13)), "a neighbour of the bought item: " + ids);
        assertTrue(ids.contains("brand-new-2"), "the user's own new item: " + ids);
        List<String> fresh = model.recommend(s, 50, Set.of(id(12), "brand-new-2"), 2 * DAY, teacher, TRENDING)
                .stream().map(ScoredItem::item).toList();
        assertFalse(fresh.contains(id(12)) || fresh.contains("brand-new-2"), "excluded items are never listed");
        assertTrue(fresh.contains("brand-new"), "a trending item the teacher does not know: " + fresh);
    }

    @Test
    void foldInSolvesTheAlsNormalEquations() {
        Teacher teacher = teacher(50, "v1");
        int[] items = {teacher.itemIndex(id(3)), teacher.itemIndex(id(7))};
        double[] counts = {1, 3};
        double[] x = teacher.foldIn(items, counts, 2);
        // (Y'Y + reg n I + alpha sum c y y') x = sum (1 + alpha c) y, with alpha 1, reg 0.1, n 2.
        double[] lhs = new double[RANK];
        double[] rhs = new double[RANK];
        for (int i = 0; i < 50; i++) {
            float[] y = teacher.itemFactors(i);
            double yx = 0;
            for (int f = 0; f < RANK; f++) {
                yx += y[f] * x[f];
            }
            double extra = i == items[0] ? counts[0] : i == items[1] ? counts[1] : 0;
            for (int f = 0; f < RANK; f++) {
                lhs[f] += (1 + extra) * yx * y[f];
                rhs[f] += extra > 0 ? (1 + extra) * y[f] : 0;
            }
        }
        for (int f = 0; f < RANK; f++) {
            lhs[f] += 0.1 * 2 * x[f];
            assertEquals(rhs[f], lhs[f], 1e-5);
        }
    }

    private static float[] factors(Teacher teacher, String item) {
        return teacher.itemFactors(teacher.itemIndex(item));
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int f = 0; f < a.length; f++) {
            s += a[f] * b[f];
        }
        return s;
    }

    @Test
    void everyEntrySaysWhichPartOfItsScoreWeighedMost() {
        Teacher teacher = teacher(50, "v1");
        IncrementalModel neighboursOnly = new IncrementalModel(CONFIG.withMix(0, 0, 1, 0), BehaviourWeights.DEFAULT);
        UserState state = neighboursOnly.update(UserState.empty("u9"), event("u9", id(40), EventType.CART, 0), teacher,
                Trending.none()).state();

        List<ScoredItem> list = neighboursOnly.recommend(state, 3, java.util.Set.of(), 0, teacher, Trending.none());
        assertEquals(List.of(id(41), id(42), id(43)), list.stream().map(ScoredItem::item).toList());
        assertEquals("neighbour-of:" + id(40), list.get(0).reason());

        IncrementalModel ownOnly = new IncrementalModel(CONFIG.withMix(0, 1, 0, 0), BehaviourWeights.DEFAULT);
        assertEquals(ScoredItem.OWN, ownOnly.recommend(state, 1, java.util.Set.of(), 0, teacher, Trending.none()).get(0).reason());
        IncrementalModel trendOnly = new IncrementalModel(CONFIG.withMix(0, 0, 0, 1), BehaviourWeights.DEFAULT);
        assertEquals(ScoredItem.TRENDING, trendOnly.recommend(state, 1, java.util.Set.of(), 0, teacher, TRENDING).get(0).reason());
        IncrementalModel cfOnly = new IncrementalModel(CONFIG.withMix(1, 0, 0, 0), BehaviourWeights.DEFAULT);
        assertEquals(ScoredItem.MODEL, cfOnly.recommend(state, 1, java.util.Set.of(), 0, teacher, Trending.none()).get(0).reason());
    }
}
