package io.tradewind.serving.store;

/** One switch of the active version: {@code action} is {@code activate} or {@code rollback}; {@code from} may be null. */
public record ActivationEvent(String action, String version, String from, String at) {
}
