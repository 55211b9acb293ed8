package io.tradewind.core.eval;

import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.UserHistory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Scores a fitted model on a split's tracks: each test user is scored once, ranked per track (track B without
 * the user's training items) and measured. Users are scored in parallel; sums are taken in user order, so
 * results do not depend on scheduling.
 */
public final class Evaluator {
    /** Length of the evaluated lists. */
    public static final int LIST_SIZE = 30;

    private Evaluator() {
    }

    /** OR-T: the model was fitted on the split's training matrix and scores users from their training history. */
    public static Map<Track, TrackMetrics> evaluate(FittedModel model, EvaluationSplit split, Set<Track> tracks) {
        if (model.train() != split.train()) {
            throw new IllegalArgumentException("the model was not fitted on this split's training matrix");
        }
        Interactions train = split.train();
        return evaluate(model, split, tracks, Ranker.forTrainingItems(train, LIST_SIZE), train::history);
    }

    /**
     * General form, for protocols where the candidates are the split's training items but the model (and its
     * ranker) or the histories come from elsewhere: {@code history} gives the history to score a split user
     * with, in the model's item indices, and {@code ranker} ranks in the split's candidate indices.
     * Here model items and candidates must coincide; protocols that differ map the scores before ranking.
     */
    static Map<Track, TrackMetrics> evaluate(FittedModel model, EvaluationSplit split, Set<Track> tracks,
                                             Ranker ranker, IntFunction<UserHistory> history) {
        Interactions train = split.train();
        TreeSet<Integer> userSet = new TreeSet<>();
        for (Track track : tracks) {
            split.testUsers(track).forEach(u -> userSet.add(u.user()));
        }
        int[] users = userSet.stream().mapToInt(Integer::intValue).toArray();
        boolean wantA = tracks.contains(Track.A);
        boolean wantB = tracks.contains(Track.B);
        int[][] listsA = new int[train.numUsers()][];
        int[][] listsB = new int[train.numUsers()][];
        int numItems = model.train().numItems();
        IntStream.range(0, users.length).parallel().forEach(k -> {
            int user = users[k];
            double[] scores = new double[numItems];
            model.score(history.apply(user), scores);
            if (wantA) {
                listsA[user] = ranker.top(scores, new int[0]);
            }
            if (wantB) {
                listsB[user] = ranker.top(scores, train.history(user).items());
            }
        });
        Map<Track, TrackMetrics> results = new EnumMap<>(Track.class);
        for (Track track : tracks) {
            int[][] lists = track == Track.A ? listsA : listsB;
            MetricsAccumulator metrics = new MetricsAccumulator(split.candidates());
            for (TestUser testUser : split.testUsers(track)) {
                metrics.add(lists[testUser.user()], testUser.truth());
            }
            results.put(track, metrics.result());
        }
        return results;
    }
}
