package io.tradewind.core.model;

/** A fitted item-to-item model: each item keeps a short list of similar items ("customers also bought"). */
public interface ItemNeighbourModel extends FittedModel {

    /** Neighbour item indices of {@code item}, most similar first. */
    int[] neighbours(int item);

    /** Similarities aligned with {@link #neighbours(int)}. */
    double[] similarities(int item);
}
