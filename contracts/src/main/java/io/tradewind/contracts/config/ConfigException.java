package io.tradewind.contracts.config;

/** A configuration that cannot be used as it is; the message names the key and where its value came from. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }
}
