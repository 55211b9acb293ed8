package io.tradewind.serving.api;

/** One dependency the API needs; {@link #check()} throws when it cannot serve. */
public interface HealthCheck {
    String name();

    void check() throws Exception;
}
