package io.tradewind.core.eval;

import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.UserHistory;

/**
 * A model fitted on another matrix than the split's training one (a stale model, or the training purchases net
 * of returns), seen through the split's candidates: its scores mapped to candidate indices and ranked by
 * PROTOCOL.md section 3, where items it never saw rank after those it knows and the tie-break counts the buyers in
 * its own training data.
 */
final class ModelCandidates {
    private final Interactions model;
    private final Interactions candidates;
    private final int[] toModel;
    private final Ranker ranker;

    private ModelCandidates(Interactions model, Interactions candidates) {
        this.model = model;
        this.candidates = candidates;
        int n = candidates.numItems();
        toModel = new int[n];
        boolean[] trained = new boolean[n];
        int[] buyers = new int[n];
        for (int c = 0; c < n; c++) {
            toModel[c] = model.itemIndex(candidates.itemId(c));
            trained[c] = toModel[c] >= 0;
            buyers[c] = toModel[c] >= 0 ? model.buyers(toModel[c]) : 0;
        }
        ranker = new Ranker(trained, buyers, Evaluator.LIST_SIZE);
    }

    /** @param candidates the split's training matrix, whose items are the candidates */
    static ModelCandidates of(Interactions model, Interactions candidates) {
        return new ModelCandidates(model, candidates);
    }

    Ranker ranker() {
        return ranker;
    }

    /** The model's own history of a split user (empty when the model never saw the user). */
    UserHistory history(int candidateUser) {
        int user = model.userIndex(candidates.userId(candidateUser));
        return user < 0 ? UserHistory.empty() : model.history(user);
    }

    /** The model's scores per candidate (0 for items the model never saw). */
    double[] toCandidates(double[] modelScores) {
        double[] scores = new double[toModel.length];
        for (int c = 0; c < scores.length; c++) {
            scores[c] = toModel[c] >= 0 ? modelScores[toModel[c]] : 0.0;
        }
        return scores;
    }
}
