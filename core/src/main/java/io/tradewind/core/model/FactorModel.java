package io.tradewind.core.model;

/**
 * A fitted latent-factor model: score(u, i) = userFactors(u) . itemFactors(i). The serving layer reads the
 * vectors, and the speed layer updates them incrementally, so they are exposed here.
 */
public interface FactorModel extends FittedModel {

    /** Number of latent factors. */
    int rank();

    /** Copy of the user's factor vector (length {@link #rank()}). */
    double[] userFactors(int user);

    /** Copy of the item's factor vector (length {@link #rank()}). */
    double[] itemFactors(int item);

    /**
     * The least-squares factor vector of a user with this history against the fixed item factors: how the
     * speed layer places a new or changed user without refitting the items.
     */
    double[] foldIn(UserHistory history);
}
