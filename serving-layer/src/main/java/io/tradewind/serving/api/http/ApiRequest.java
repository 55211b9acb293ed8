package io.tradewind.serving.api.http;

import io.tradewind.serving.api.auth.Caller;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.Optional;

/**
 * One HTTP request as an endpoint sees it: path and query parameters with typed, validated access (a bad value
 * is a 400 naming the parameter), the body, and who is calling.
 */
public final class ApiRequest {
    /** Longest parameter value accepted; longer is a 400, not work for the stores. */
    public static final int MAX_PARAMETER_LENGTH = 512;
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final HttpServerExchange exchange;
    private final Caller caller;

    public ApiRequest(HttpServerExchange exchange, Caller caller) {
        this.exchange = exchange;
        this.caller = caller;
    }

    /** Who is calling: an API key, a console session, or anonymous on open routes. */
    public Caller caller() {
        return caller;
    }

    /** A request header's first value, or null. */
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A request cookie's value, or null. */
    public String cookie(String name) {
        Cookie c = exchange.getRequestCookie(name);
        return c == null ? null : c.getValue();
    }

    /** Whether the request reached this server over TLS. */
    public boolean overTls() {
        return "https".equalsIgnoreCase(exchange.getRequestScheme());
    }

    public String method() {
        return exchange.getRequestMethod().toString();
    }

    /** A {@code {name}} segment of the route; URL-decoded by the server. */
    public String pathParameter(String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter(name, "missing in the path");
        }
        if (value.length() > MAX_PARAMETER_LENGTH) {
            throw ApiException.badParameter(name, "longer than " + MAX_PARAMETER_LENGTH + " characters");
        }
        return value;
    }

    public Optional<String> string(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badParameter(name, "given " + values.size() + " times; give it once");
        }
        String value = values.getFirst().trim();
        if (value.length() > MAX_PARAMETER_LENGTH) {
            throw ApiException.badParameter(name, "longer than " + MAX_PARAMETER_LENGTH + " characters");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "must be a whole number, got '" + abbreviate(raw.get()) + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public Optional<Double> decimal(String name, double min) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "must be a number, got '" + abbreviate(raw.get()) + "'");
        }
        if (!Double.isFinite(value) || value < min) {
            throw ApiException.badParameter(name, "must be a finite number >= " + min + ", got " + raw.get());
        }
        return Optional.of(value);
    }

    /** One of the allowed words (case-insensitive), or the default when absent. */
    public String choice(String name, String defaultValue, String... allowed) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(raw.get())) {
                return a;
            }
        }
        throw ApiException.badParameter(name, "must be one of " + String.join(", ", allowed) + ", got '"
                + abbreviate(raw.get()) + "'");
    }

    /** The request's {@code Content-Type}, or null. */
    public String contentType() {
        return exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.CONTENT_TYPE);
    }

    /** The request body, at most 4 MiB (more is a 413). Must be called on a worker thread. */
    public byte[] body() throws IOException {
        exchange.startBlocking();
        try (InputStream in = exchange.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (io.undertow.server.RequestTooBigException e) {
            throw tooLarge(); // a declared Content-Length over the server's limit
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes (4 MiB): send fewer events per request");
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
