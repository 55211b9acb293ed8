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
        Map<String, Candidate> pool = new HashMap<>();

        // Own items, and the most recent of them as neighbour sources.
        List<Source> sources = new ArrayList<>();
        if (known != null) {
            for (int k = 0; k < known.historyItems().length; k++) {
                int item = known.historyItems()[k];
                double decay = decay(nowMillis, known.historyLast()[k]);
                candidate(pool, teacher.itemId(item), teacher).own += known.historyWeights()[k] * decay;
                sources.add(new Source(item, known.historyLast()[k], decay));
            }
        }
        for (int k = 0; k < s.freshItems(); k++) {
            double decay = decay(nowMillis, s.freshLastMillis(k));
            candidate(pool, s.freshItem(k), teacher).own += s.freshWeight(k) * decay;
            int item = teacher.itemIndex(s.freshItem(k));
            if (item >= 0 && s.freshWeight(k) > 0) {
                sources.add(new Source(item, s.freshLastMillis(k), decay));
            }
        }
        sources.sort((a, b) -> Long.compare(b.lastMillis, a.lastMillis));
        int used = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Source source : sources) {
            if (used >= config.recentSources()) {
                break;
            }
            if (!seen.add(source.item)) {
                continue;
            }
            used++;
            int[] nb = teacher.neighbours(source.item);
            float[] sim = teacher.similarities(source.item);
            for (int j = 0; j < nb.length; j++) {
                Candidate c = candidate(pool, teacher.itemId(nb[j]), teacher);
                double contribution = sim[j] * source.decay;
                c.neighbour += contribution;
                if (contribution > c.strongestNeighbour) {
                    c.strongestNeighbour = contribution;
                    c.neighbourOf = teacher.itemId(source.item);
                }
            }
        }
        int[] list = known != null && known.top().length > 0 ? known.top() : teacher.popular();
        for (int item : list) {
            candidate(pool, teacher.itemId(item), teacher);
        }
        for (int k = 0; k < trending.size(); k++) {
            candidate(pool, trending.item(k), teacher).trending = trending.score(k);
        }

        double[] z = studentVector(s, known, teacher);
        List<Candidate> kept = new ArrayList<>(pool.size());
        for (Candidate c : pool.values()) {
            if (excluded.contains(c.item)) {
                continue;
            }
            if (z != null && c.index >= 0) {
                c.cf = IncrementalLoss.dot(z, teacher.itemFactors(c.index));
            }
            kept.add(c);
        }
        double cfMax = 0, ownMax = 0, nbMax = 0, trMax = 0;
        for (Candidate c : kept) {
            cfMax = Math.max(cfMax, Math.abs(c.cf));
            ownMax = Math.max(ownMax, Math.abs(c.own));
            nbMax = Math.max(nbMax, Math.abs(c.neighbour));
            trMax = Math.max(trMax, Math.abs(c.trending));
        }
        for (Candidate c : kept) {
            double cf = config.cfWeight() * ratio(c.cf, cfMax);
            double own = config.ownWeight() * ratio(c.own, ownMax);
            double neighbour = config.neighbourWeight() * ratio(c.neighbour, nbMax);
            double trend = config.trendingWeight() * ratio(c.trending, trMax);
            c.score = cf + own + neighbour + trend;
            c.reason = reason(c, cf, own, neighbour, trend);
        }
        kept.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score)
                : a.buyers != b.buyers ? Integer.compare(b.buyers, a.buyers) : a.item.compareTo(b.item));
        List<ScoredItem> out = new ArrayList<>(Math.min(n, kept.size()));
        for (int k = 0; k < Math.min(n, kept.size()); k++) {
            out.add(new ScoredItem(kept.get(k).item, kept.get(k).score, kept.get(k).reason));
        }
        return out;
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

    private record Source(int item, long lastMillis, double decay) {
    }

    private static Candidate candidate(Map<String, Candidate> pool, String item, Teacher teacher) {
        return pool.computeIfAbsent(item, id -> {
            int index = teacher.itemIndex(id);
            return new Candidate(id, index, index >= 0 ? teacher.buyers(index) : 0);
        });
    }

    /** One pooled item and its score parts. */
    /** The part that weighed most; ties go to the more explainable reason (a named item, then own interest). */
    private static String reason(Candidate c, double cf, double own, double neighbour, double trend) {
        double best = Math.max(Math.max(cf, own), Math.max(neighbour, trend));
        if (neighbour == best && c.neighbourOf != null) {
            return ScoredItem.NEIGHBOUR_PREFIX + c.neighbourOf;
        }
        if (own == best) {
            return ScoredItem.OWN;
        }
        return trend == best ? ScoredItem.TRENDING : ScoredItem.MODEL;
    }

    private static final class Candidate {
        final String item;
        final int index;
        final int buyers;
        double cf;
        double own;
        double neighbour;
        double trending;
        double score;
        double strongestNeighbour;
        String neighbourOf;
        String reason;

        Candidate(String item, int index, int buyers) {
            this.item = item;
            this.index = index;
            this.buyers = buyers;
        }
    }
}
