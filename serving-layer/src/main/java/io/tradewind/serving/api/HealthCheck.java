package io.tradewind.serving.api;

/** One dependency the API needs, and how to see that it can serve (the probe throws when it cannot). */
public record HealthCheck(String name, Probe probe) {
    /** Throws when the dependency cannot serve; the message tells an operator why. */
    @FunctionalInterface
    public interface Probe {
        void check() throws Exception;
    }
}
