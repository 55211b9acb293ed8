package io.tradewind.contracts.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of value a configuration key takes, each with the one parser every command and job uses, so a value
 * that one process accepts is never refused (or read differently) by another.
 */
public enum ValueType {
    /** Any non-blank text. */
    TEXT("text"),
    /** {@code host:port[,host:port…]}, as Kafka's bootstrap servers and HBase's ZooKeeper quorum are written. */
    HOST_PORTS("HOST:PORT[,…]"),
    /** A URI with a scheme: {@code hdfs://…}, {@code s3a://…}, {@code file:///…}. */
    URI_WITH_SCHEME("URI"),
    /** One or more {@code http(s)://host:port} URLs, comma-separated. */
    HTTP_URLS("URL[,…]"),
    /** A whole number of at least 1. */
    POSITIVE_INT("integer ≥ 1"),
    /** A TCP port, 0 to 65535; 0 takes any free port (tests, and processes that report the one they bound). */
    PORT("port"),
    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT10S}); more than zero. */
    DURATION("duration"),
    /** A file system path. */
    PATH("path"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /**
     * A credential: non-blank text read from the process's environment only (a secret store injects it), never from
     * a file, which is copied and stored unencrypted; never written out, never put in a message.
     */
    SECRET("secret");

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]:]+:\\d{1,5}");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** How the documentation names this type. */
    public String label() {
        return label;
    }

    /**
     * The value as this type ({@link String}, {@link Integer}, {@link Duration} or {@link Path}); a value of the
     * wrong shape throws an {@link IllegalArgumentException} saying what was expected (the caller names the key).
     */
    public Object parse(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        return switch (this) {
            case TEXT -> v;
            case HOST_PORTS -> hostPorts(v);
            case URI_WITH_SCHEME -> uriWithScheme(v);
            case HTTP_URLS -> httpUrls(v);
            case POSITIVE_INT -> atLeast(integer(v), 1);
            case PORT -> port(integer(v));
            case DURATION -> duration(v);
            case PATH -> Path.of(v);
            case BOOLEAN -> bool(v);
            case SECRET -> v;
        };
    }

    /** Parses a duration the way configuration files and command lines write it. */
    public static Duration duration(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(v);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a duration (e.g. 500ms, 10s, 2m, 1h, 1d or PT10S)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be more than zero, got '" + raw + "'");
        }
        return d;
    }

    private static Boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("takes true or false, got '" + v + "'");
    }

    private static String hostPorts(String v) {
        for (String part : v.split(",", -1)) {
            if (!HOST_PORT.matcher(part.strip()).matches()) {
                throw new IllegalArgumentException("takes HOST:PORT[,HOST:PORT…], got '" + v + "'");
            }
        }
        return v;
    }

    private static String uriWithScheme(String v) {
        try {
            if (new URI(v).getScheme() == null) {
                throw new IllegalArgumentException("needs a scheme (hdfs://…, s3a://…, file:///…), got '" + v + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URI: " + e.getMessage());
        }
        return v;
    }

    private static String httpUrls(String v) {
        for (String part : v.split(",", -1)) {
            String url = part.strip();
            try {
                URI uri = new URI(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("takes http(s)://HOST[:PORT][,…], got '" + v + "'");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("takes http(s)://HOST[:PORT][,…], got '" + v + "'");
            }
        }
        return v;
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("takes a whole number, got '" + v + "'");
        }
    }

    private static int atLeast(int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static int port(int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException("must be a port from 0 to 65535, got " + value);
        }
        return value;
    }
}
