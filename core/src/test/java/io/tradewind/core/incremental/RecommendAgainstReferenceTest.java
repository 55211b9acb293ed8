package io.tradewind.core.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link IncrementalModel#recommend} (candidate pool of primitive arrays, bounded heap) against the
 * plain formula ({@link ReferenceLists}: a map and a full sort) on random teachers and users made to collide: items
 * both in the batch history and fresh, equal interaction times, tied similarities and buyer counts, items the teacher
 * does not know, trending items, excluded items, and a pool that outgrows its arrays.
 */
class RecommendAgainstReferenceTest {
    private static final long DAY = 86_400_000L;
    private static final EventType[] TYPES = {EventType.VIEW, EventType.CART, EventType.FAV, EventType.BUY,
            EventType.RETURN};

    @Test
    void sameItemsInTheSameOrderWithTheSameReasons() {
        SplittableRandom random = new SplittableRandom(11);
        int lists = 0;
        for (int round = 0; round < 30; round++) {
            int items = 20 + random.nextInt(300);
            Teacher teacher = teacher(random, items);
            IncrementalConfig config = IncrementalConfig.defaults().withMix(0.5, 1.0, 0.3 + random.nextInt(3) * 0.2,
                    random.nextInt(2) * 0.3);
            IncrementalModel model = new IncrementalModel(config, BehaviourWeights.DEFAULT);
            ReferenceLists reference = new ReferenceLists(config, BehaviourWeights.DEFAULT);
            Trending trending = trending(random, items);
            for (int u = 0; u < 12; u++) {
                String user = "u" + u; // u0..u7 are known to the teacher, u8.. are not
                UserState state = UserState.empty(user);
                for (int e = 0; e < random.nextInt(40); e++) {
                    state = model.update(state, event(random, user, items, e), teacher, trending).state();
                }
                Set<String> excluded = new HashSet<>();
                for (int k = 0; k < random.nextInt(5); k++) {
                    excluded.add("i" + random.nextInt(items));
                }
                int n = 1 + random.nextInt(40);
                long now = 100 * DAY + random.nextInt(3) * DAY;
                List<ScoredItem> expected = reference.recommend(state, n, excluded, now, teacher, trending);
                List<ScoredItem> actual = model.recommend(state, n, excluded, now, teacher, trending);
                String where = "round " + round + ", user " + user;
                assertEquals(expected.stream().map(ScoredItem::item).toList(), actual.stream().map(ScoredItem::item).toList(), where);
                assertEquals(expected.stream().map(ScoredItem::reason).toList(), actual.stream().map(ScoredItem::reason).toList(), where);
                for (int k = 0; k < expected.size(); k++) {
                    assertEquals(expected.get(k).score(), actual.get(k).score(), 1e-12, where);
                }
                lists++;
            }
        }
        assertEquals(360, lists);
    }

    private static Teacher teacher(SplittableRandom random, int items) {
        Teacher.Builder b = Teacher.builder("v", 8, 1.0, 0.1);
        for (int i = 0; i < items; i++) {
            float[] y = new float[8];
            for (int f = 0; f < y.length; f++) {
                y[f] = (float) random.nextGaussian() * 0.3f;
            }
            b.item("i" + i, y, random.nextInt(4)); // few distinct buyer counts: ties
        }
        for (int i = 0; i < items; i++) {
            List<String> nb = new ArrayList<>();
            float[] sims = new float[20];
            for (int k = 0; k < 20; k++) {
                nb.add("i" + random.nextInt(items));
                sims[k] = random.nextInt(3) * 0.25f + 0.25f; // tied similarities
            }
            b.neighbours("i" + i, nb, sims);
        }
        for (int u = 0; u < 8; u++) {
            float[] x = new float[8];
            for (int f = 0; f < x.length; f++) {
                x[f] = (float) random.nextGaussian() * 0.3f;
            }
            b.user("u" + u, x);
            List<String> top = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                top.add("i" + random.nextInt(items));
            }
            b.topList("u" + u, top);
            for (int k = 0; k < random.nextInt(150); k++) {
                b.purchase("u" + u, "i" + random.nextInt(items), 1 + random.nextInt(3), random.nextInt(5) * DAY);
            }
        }
        return b.popularSize(25).build();
    }

    private static Trending trending(SplittableRandom random, int items) {
        List<String> ids = new ArrayList<>();
        double[] scores = new double[10];
        for (int k = 0; k < scores.length; k++) {
            ids.add(k % 4 == 0 ? "unknown-" + k : "i" + random.nextInt(items));
            scores[k] = 10 - k;
        }
        return Trending.of(ids, scores);
    }

    private static BehaviourEvent event(SplittableRandom random, String user, int items, int e) {
        String item = random.nextInt(8) == 0 ? "new-" + random.nextInt(5) : "i" + random.nextInt(items);
        long t = (90 + random.nextInt(5)) * DAY; // equal times
        return new BehaviourEvent(user + ":" + e, user, item, TYPES[random.nextInt(TYPES.length)], t, 1, null, null, null,
                null, null, null, "test");
    }
}
