package io.tradewind.core.model;

/**
 * A model learnt from one {@link Interactions}: scores every item of that matrix for a user.
 *
 * <p>Scores only order items for one user; they are not comparable across users or models. Ties, all-zero
 * scores and unknown users are resolved by the caller's ranking (in Tradewind: item popularity, then item id),
 * so models need not add a popularity prior of their own. Models are immutable and safe to share between
 * threads.
 */
public interface FittedModel {

    /** The matrix the model was fitted on; its item indices are the positions of the score vector. */
    Interactions train();

    /**
     * Writes a score for every training item into {@code out} (length {@code train().numItems()}); higher is
     * better. {@code history} is what the user bought, in {@code train()}'s item indices.
     */
    void score(UserHistory history, double[] out);

    /** Scores for a user of the training matrix, from the user's training history. */
    default double[] score(int user) {
        double[] out = new double[train().numItems()];
        score(train().history(user), out);
        return out;
    }
}
