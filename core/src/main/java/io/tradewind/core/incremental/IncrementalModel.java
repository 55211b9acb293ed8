package io.tradewind.core.incremental;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The DIR model's two operations, both pure functions of their inputs (the model object holds only settings,
 * so one instance serves every user and thread):
 * <pre>{@code
 * IncrementalModel model = new IncrementalModel(IncrementalConfig.defaults(), BehaviourWeights.DEFAULT);
 * UserState state = model.update(state, event, teacher, trending).state();     // per event
 * List<ScoredItem> list = model.recommend(state, 30, excluded, now, teacher, trending);
 * }</pre>
 *
 * <p>{@code update} records the event in the user's fresh items, then takes one SGD step on
 * {@link IncrementalLoss} for the user's correction. The negatives are sampled from a bounded pool: the
 * teacher's top list for the user after its first K, the event item's neighbours and the trending items (the
 * most popular items for a user the teacher does not know). So a step reads at most
 * {@code 1 + K + negatives} item vectors, plus the user's history for a fold-in: never the catalogue.
 *
 * <p>New users (unknown to the teacher) are folded in against the teacher's item factors from what they did
 * (history kept by the teacher plus fresh items); the fold-in is refreshed when their known items double, and
 * exactly at recommendation time. Items first seen after the batch cut-off have no factors: they are
 * remembered as fresh items and reach lists through the user's own items and {@link Trending}, but give no
 * gradient.
 *
 * <p>{@code recommend} ranks a bounded candidate pool (own items, the teacher's top list, neighbours of the
 * user's recent items, trending; popular items for unknown users) by
 * {@code cfWeight cf + ownWeight own + neighbourWeight neighbour + trendingWeight trending}, each part divided
 * by its largest absolute value over the pool: {@code cf} is the student's score {@code (x_u + delta) . y_i},
 * {@code own} the user's behaviour weight on the item decayed by age, {@code neighbour} the similarity to the
 * user's recent items (decayed by their age) and {@code trending} the item's trending score.
 */
public final class IncrementalModel {
    private static final double DAY_MILLIS = 86_400_000.0;
    /** One reusable candidate pool per thread (the model itself is shared by threads); it grows as needed. */
    private static final ThreadLocal<CandidatePool> POOLS = ThreadLocal.withInitial(() -> new CandidatePool(null, 4_096));

    private final IncrementalConfig config;
    private final BehaviourWeights weights;

    public IncrementalModel(IncrementalConfig config, BehaviourWeights weights) {
        this.config = Objects.requireNonNull(config, "config");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public IncrementalConfig config() {
        return config;
    }

    /**
     * The result of one update.
     *
     * @param state        the user's new state
     * @param itemsTouched item vectors and candidate entries the step read (bounded by the configuration)
     * @param loss         the weighted loss before the step (0 when no step was taken)
     */
    public record Update(UserState state, int itemsTouched, double loss) {
    }

    /** Applies one event of {@code state}'s user. */
    public Update update(UserState state, BehaviourEvent event, Teacher teacher, Trending trending) {
        if (!state.userId().equals(event.userId())) {
            throw new IllegalArgumentException("event of user " + event.userId() + " applied to the state of "
                    + state.userId());
        }
        UserState s = state.forTeacher(teacher);
        double w = weights.of(event.type()) / weights.of(EventType.BUY);
        if (w == 0 || event.itemId().isEmpty()) {
            return new Update(s.counted(), 0, 0);
        }
        s = s.withInteraction(event.itemId(), weights.of(event.type()), event.timestampMillis(),
                config.freshCapacity(), config.decayDays());
        int positive = teacher.itemIndex(event.itemId());
        Teacher.TeacherUser known = teacher.user(s.userId());
        int[] touched = {0};
        float[] base = known != null && known.factors() != null ? known.factors() : null;
        if (base == null) {
            s = refoldIfGrown(s, known, teacher, touched);
            base = s.baseView().length == 0 ? null : s.baseView();
        }
        if (positive < 0 || base == null) {
            return new Update(s, touched[0], 0);
        }

        int[] top = known == null ? new int[0] : known.top();
        int k = Math.min(config.distillK(), top.length);
        SplittableRandom random = new SplittableRandom(s.userId().hashCode() * 0x9E3779B97F4A7C15L + s.events());
        int[] negatives = sampleNegatives(positive, top, k, known, s, teacher, trending, random, touched);
        if (negatives.length == 0) {
            return new Update(s, touched[0], 0);
        }
        float[][] negativeFactors = new float[negatives.length][];
        for (int j = 0; j < negatives.length; j++) {
            negativeFactors[j] = teacher.itemFactors(negatives[j]);
        }
        float[][] distilled = new float[k][];
        for (int r = 0; r < k; r++) {
            distilled[r] = teacher.itemFactors(top[r]);
        }
        touched[0] += 1 + k + negatives.length;
        IncrementalLoss.Example example = new IncrementalLoss.Example(teacher.itemFactors(positive), Math.abs(w),
                Math.signum(w), negativeFactors, distilled);
        float[] delta = s.correctionView();
        double[] gradient = new double[delta.length];
        double loss = IncrementalLoss.evaluate(base, delta, example, config, gradient).total(config);
        float[] next = new float[delta.length];
        for (int f = 0; f < next.length; f++) {
            next[f] = (float) (delta[f] - config.learningRate() * gradient[f]);
        }
        return new Update(s.withCorrection(next), touched[0], loss);
    }

    /**
     * Up to {@code negatives} distinct items the user has not touched, drawn uniformly from the pool: the
     * teacher's list after its first {@code k}, the positive's neighbours and the trending items the teacher
     * knows (for users without a teacher list: the popular items instead of the list).
     */
    private int[] sampleNegatives(int positive, int[] top, int k, Teacher.TeacherUser known, UserState s,
                                  Teacher teacher, Trending trending, SplittableRandom random, int[] touched) {
        int[] list = top.length > k ? top : teacher.popular();
        int from = top.length > k ? k : 0;
        int[] nb = teacher.neighbours(positive);
        int listSize = list.length - from;
        int pool = listSize + nb.length + trending.size();
        int[] out = new int[config.negatives()];
        int n = 0;
        for (int attempt = 0; attempt < 4 * config.negatives() && n < out.length && pool > 0; attempt++) {
            int pick = random.nextInt(pool);
            touched[0]++;
            int item;
            if (pick < listSize) {
                item = list[from + pick];
            } else if (pick < listSize + nb.length) {
                item = nb[pick - listSize];
            } else {
                item = teacher.itemIndex(trending.item(pick - listSize - nb.length));
            }
            if (item < 0 || item == positive || contains(out, n, item) || contains(top, k, item)
                    || owns(known, s, teacher, item)) {
                continue;
            }
            out[n++] = item;
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int k = 0; k < size; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean owns(Teacher.TeacherUser known, UserState s, Teacher teacher, int item) {
        if (known != null && Arrays.binarySearch(known.historyItems(), item) >= 0) {
            return true;
        }
        return s.indexOf(teacher.itemId(item)) >= 0;
    }

    /** Refolds an unknown user's base vector when the known items doubled since the last fold-in. */
    private UserState refoldIfGrown(UserState s, Teacher.TeacherUser known, Teacher teacher, int[] touched) {
        // An upper bound of the known items first: most events leave it below the refold threshold, cheaply.
        int bound = s.freshItems() + (known == null ? 0 : known.historyItems().length);
        if (s.baseView().length > 0 && bound < 2 * s.baseFoldedFrom()) {
            return s;
        }
        History h = history(s, known, teacher);
        if (h.size == 0 || (s.baseView().length > 0 && h.size < 2 * s.baseFoldedFrom())) {
            return s;
        }
        touched[0] += h.size;
        return s.withBase(toFloat(teacher.foldIn(h.items, h.counts, h.size)), h.size);
    }

    /** The user's known items (teacher history plus fresh items the teacher knows), purchase-equivalent counts. */
    private record History(int[] items, double[] counts, int size) {
    }

    private History history(UserState s, Teacher.TeacherUser known, Teacher teacher) {
        Map<Integer, Double> counts = new HashMap<>();
        double buy = weights.of(EventType.BUY);
        if (known != null) {
            for (int k = 0; k < known.historyItems().length; k++) {
                counts.merge(known.historyItems()[k], known.historyWeights()[k] / buy, Double::sum);
            }
        }
        for (int k = 0; k < s.freshItems(); k++) {
            int item = teacher.itemIndex(s.freshItem(k));
            if (item >= 0) {
                counts.merge(item, s.freshWeight(k) / buy, Double::sum);
            }
        }
        int[] items = new int[counts.size()];
        double[] c = new double[counts.size()];
        int n = 0;
        for (Map.Entry<Integer, Double> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                items[n] = e.getKey();
                c[n++] = e.getValue();
            }
        }
        return new History(items, c, n);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int f = 0; f < v.length; f++) {
            out[f] = (float) v[f];
        }
        return out;
    }

    /**
     * The user's best {@code n} items at {@code nowMillis}, never one of {@code excluded}. Ties go to the item with
     * more teacher buyers, then the smaller id.
     */
    public List<ScoredItem> recommend(UserState state, int n, Set<String> excluded, long nowMillis, Teacher teacher,
                                      Trending trending) {
        UserState s = state.forTeacher(teacher);
        Teacher.TeacherUser known = teacher.user(s.userId());
        int[] list = known != null && known.top().length > 0 ? known.top() : teacher.popular();
        int history = known == null ? 0 : known.historyItems().length;
        CandidatePool pool = POOLS.get().reset(teacher);

        // Own items; each also a neighbour source at its latest interaction (the first added wins a tie).
        int order = 0;
        for (int k = 0; k < history; k++) {
            int slot = pool.slotOf(known.historyItems()[k]);
            pool.own[slot] += known.historyWeights()[k] * decay(nowMillis, known.historyLast()[k]);
            order = asSource(pool, slot, known.historyLast()[k], order);
        }
        for (int k = 0; k < s.freshItems(); k++) {
            int slot = pool.slotOf(s.freshItem(k));
            pool.own[slot] += s.freshWeight(k) * decay(nowMillis, s.freshLastMillis(k));
            if (pool.index[slot] >= 0 && s.freshWeight(k) > 0) {
                order = asSource(pool, slot, s.freshLastMillis(k), order);
            }
        }
        addNeighbours(pool, recentSources(pool), nowMillis, teacher);
        for (int item : list) {
            pool.slotOf(item);
        }
        for (int k = 0; k < trending.size(); k++) {
            int slot = pool.slotOf(trending.item(k)); // first: finding a slot may replace the arrays
            pool.trending[slot] = trending.score(k);
        }

        double[] z = studentVector(s, known, teacher);
        boolean[] kept = new boolean[pool.size()];
        double cfMax = 0, ownMax = 0, nbMax = 0, trMax = 0;
        for (int c = 0; c < pool.size(); c++) {
            if (!excluded.isEmpty() && excluded.contains(pool.itemId(c))) {
                continue;
            }
            kept[c] = true;
            if (z != null && pool.index[c] >= 0) {
                pool.cf[c] = IncrementalLoss.dot(z, teacher.itemFactors(pool.index[c]));
            }
            cfMax = Math.max(cfMax, Math.abs(pool.cf[c]));
            ownMax = Math.max(ownMax, Math.abs(pool.own[c]));
            nbMax = Math.max(nbMax, Math.abs(pool.neighbour[c]));
            trMax = Math.max(trMax, Math.abs(pool.trending[c]));
        }
        TopSlots best = new TopSlots(n, (a, b) -> pool.score[a] != pool.score[b] ? Double.compare(pool.score[b], pool.score[a])
                : pool.buyers[a] != pool.buyers[b] ? Integer.compare(pool.buyers[b], pool.buyers[a])
                : pool.itemId(a).compareTo(pool.itemId(b)));
        for (int c = 0; c < pool.size(); c++) {
            if (kept[c]) {
                pool.score[c] = config.cfWeight() * ratio(pool.cf[c], cfMax) + config.ownWeight() * ratio(pool.own[c], ownMax)
                        + config.neighbourWeight() * ratio(pool.neighbour[c], nbMax)
                        + config.trendingWeight() * ratio(pool.trending[c], trMax);
                best.offer(c);
            }
        }
        int[] top = best.drainBestFirst();
        List<ScoredItem> out = new ArrayList<>(top.length);
        for (int c : top) {
            String reason = reason(pool, c, config.cfWeight() * ratio(pool.cf[c], cfMax),
                    config.ownWeight() * ratio(pool.own[c], ownMax),
                    config.neighbourWeight() * ratio(pool.neighbour[c], nbMax),
                    config.trendingWeight() * ratio(pool.trending[c], trMax), teacher);
            out.add(new ScoredItem(pool.itemId(c), pool.score[c], reason));
        }
        pool.reset(null); // the thread's pool must not keep a replaced teacher alive
        return out;
    }

    /** Keeps the item's latest interaction as its neighbour-source time; returns the next insertion order. */
    private static int asSource(CandidatePool pool, int slot, long lastMillis, int order) {
        if (lastMillis > pool.sourceLast[slot] || pool.sourceOrder[slot] < 0) {
            pool.sourceLast[slot] = lastMillis;
            pool.sourceOrder[slot] = order;
        }
        return order + 1;
    }

    /** The user's {@code recentSources} most recent items, most recent first (ties: the first added). */
    private int[] recentSources(CandidatePool pool) {
        TopSlots recent = new TopSlots(config.recentSources(), (a, b) -> pool.sourceLast[a] != pool.sourceLast[b]
                ? Long.compare(pool.sourceLast[b], pool.sourceLast[a]) : Integer.compare(pool.sourceOrder[a], pool.sourceOrder[b]));
        for (int c = 0; c < pool.size(); c++) {
            if (pool.sourceOrder[c] >= 0) {
                recent.offer(c);
            }
        }
        return recent.drainBestFirst();
    }

    /** Adds each source's neighbours, weighted by similarity and the source's age, to the pool. */
    private void addNeighbours(CandidatePool pool, int[] sources, long nowMillis, Teacher teacher) {
        for (int source : sources) {
            int item = pool.index[source];
            double decay = decay(nowMillis, pool.sourceLast[source]);
            int[] nb = teacher.neighbours(item);
            float[] sim = teacher.similarities(item);
            for (int j = 0; j < nb.length; j++) {
                int c = pool.slotOf(nb[j]);
                double contribution = sim[j] * decay;
                pool.neighbour[c] += contribution;
                if (contribution > pool.strongestNeighbour[c]) {
                    pool.strongestNeighbour[c] = contribution;
                    pool.neighbourOf[c] = item;
                }
            }
        }
    }

    /** The student's user vector: teacher vector (or an exact fold-in for unknown users) plus the correction. */
    private double[] studentVector(UserState s, Teacher.TeacherUser known, Teacher teacher) {
        double[] z;
        if (known != null && known.factors() != null) {
            z = new double[teacher.rank()];
            for (int f = 0; f < z.length; f++) {
                z[f] = known.factors()[f];
            }
        } else {
            History h = history(s, known, teacher);
            if (h.size == 0) {
                return null;
            }
            z = teacher.foldIn(h.items, h.counts, h.size);
        }
        float[] delta = s.correctionView();
        for (int f = 0; f < delta.length && f < z.length; f++) {
            z[f] += delta[f];
        }
        return z;
    }

    private double decay(long nowMillis, long thenMillis) {
        return Math.exp(-Math.max(0.0, nowMillis - thenMillis) / (config.decayDays() * DAY_MILLIS));
    }

    private static double ratio(double value, double max) {
        return max > 0 ? value / max : 0.0;
    }

    /** The part that weighed most; ties go to the more explainable reason (a named item, then own interest). */
    private static String reason(CandidatePool pool, int c, double cf, double own, double neighbour, double trend,
                                 Teacher teacher) {
        double best = Math.max(Math.max(cf, own), Math.max(neighbour, trend));
        if (neighbour == best && pool.neighbourOf[c] >= 0) {
            return ScoredItem.NEIGHBOUR_PREFIX + teacher.itemId(pool.neighbourOf[c]);
        }
        if (own == best) {
            return ScoredItem.OWN;
        }
        return trend == best ? ScoredItem.TRENDING : ScoredItem.MODEL;
    }
}
