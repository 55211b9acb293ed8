package io.tradewind.contracts.config;

import java.util.Locale;

/**
 * One key of the platform configuration file: its name, the type its value must have, the default the embedded
 * stack uses (null when there is none), and what it sets. A name ending in {@code .} is a pass-through prefix:
 * every key under it is handed to a client library as it is (for example {@code kafka.conf.security.protocol}).
 */
public record ConfigKey(String name, ValueType type, String defaultValue, String description) {
    public static final String ENV_PREFIX = "TRADEWIND_";

    public ConfigKey {
        if (!name.matches("[a-z]+(\\.[a-z]+(-[a-z]+)*)+\\.?")) {
            throw new IllegalArgumentException("configuration key names are lower-case words joined by . and -: " + name);
        }
        if (defaultValue != null) {
            type.parse(defaultValue); // a broken default is a programming error, caught when the class loads
        }
    }

    /** True for a pass-through prefix such as {@code kafka.conf.}. */
    public boolean isPrefix() {
        return name.endsWith(".");
    }

    /** True when {@code key} is this key, or lies under this pass-through prefix. */
    public boolean covers(String key) {
        return isPrefix() ? key.startsWith(name) && key.length() > name.length() : key.equals(name);
    }

    /**
     * The environment variable that overrides this key: {@code TRADEWIND_} and the name in capitals with {@code .}
     * and {@code -} as {@code _} ({@code kafka.bootstrap-servers} → {@code TRADEWIND_KAFKA_BOOTSTRAP_SERVERS}).
     * Pass-through keys have none: their own names may hold {@code _} and {@code .}, so the mapping would not
     * be reversible.
     */
    public String environmentVariable() {
        if (isPrefix()) {
            throw new IllegalStateException(name + " is a pass-through prefix; its keys are set in the file only");
        }
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
