package io.tradewind.core.eval;

import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.Interactions;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * OR-T: the model was fitted on the split's training matrix, or on its purchases net of returns
     * ({@link EvaluationSplit#modelTrain()}), and scores users from the history it was fitted on.
     */
    public static Map<Track, TrackMetrics> evaluate(FittedModel model, EvaluationSplit split, Set<Track> tracks) {
        Interactions train = split.train();
        if (model.train() == train) {
            return evaluate(split, tracks, Ranker.forTrainingItems(train, LIST_SIZE),
                    (user, scores) -> model.score(train.history(user), scores));
        }
        if (model.train() != split.modelTrain()) {
            throw new IllegalArgumentException("the model was not fitted on this split's training matrix");
        }
        ModelCandidates candidates = ModelCandidates.of(model.train(), train);
        return evaluate(split, tracks, candidates.ranker(), (user, scores) -> {
            double[] modelScores = new double[model.train().numItems()];
            model.score(candidates.history(user), modelScores);
            System.arraycopy(candidates.toCandidates(modelScores), 0, scores, 0, scores.length);
        });
    }

    /** Writes a split user's score for every candidate. */
    interface UserScores {
        void score(int user, double[] candidateScores);
    }

    /** Each test user scored once by {@code scores}, ranked per track by {@code ranker} (in candidate indices). */
    static Map<Track, TrackMetrics> evaluate(EvaluationSplit split, Set<Track> tracks, Ranker ranker,
                                             UserScores userScores) {
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
        IntStream.range(0, users.length).parallel().forEach(k -> {
            int user = users[k];
            double[] scores = new double[split.candidates()];
            userScores.score(user, scores);
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
