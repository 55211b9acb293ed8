package io.tradewind.core.incremental;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The list formula of {@link IncrementalModel#recommend} written the plain way (a map of candidates by id, a full
 * sort): the reference the optimised pool and heap are checked against ({@code RecommendAgainstReferenceTest}).
 */
final class ReferenceLists {
    private static final double DAY_MILLIS = 86_400_000.0;

    private final IncrementalConfig config;
    private final BehaviourWeights weights;

    ReferenceLists(IncrementalConfig config, BehaviourWeights weights) {
        this.config = Objects.requireNonNull(config, "config");
        this.weights = Objects.requireNonNull(weights, "weights");
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

    /**
     * The user's best {@code n} items at {@code nowMillis}, never one of {@code excluded}. Ties go to the item with
     * more teacher buyers, then the smaller id.
     */
    List<ScoredItem> recommend(UserState state, int n, Set<String> excluded, long nowMillis, Teacher teacher,
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
