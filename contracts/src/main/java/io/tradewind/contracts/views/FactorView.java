package io.tradewind.contracts.views;

/**
 * One row of {@code factors-users.jsonl} or {@code factors-items.jsonl}: a latent vector of the base model.
 * The speed layer starts its incremental updates from these.
 */
public record FactorView(String id, float[] vector) {
}
