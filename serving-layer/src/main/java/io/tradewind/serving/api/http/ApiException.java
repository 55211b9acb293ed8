package io.tradewind.serving.api.http;

import java.util.Map;

/**
 * An answer other than 200 that the caller can act on: the status, a message for people and, for a bad
 * parameter, its name. Thrown by endpoints, turned into a JSON error body by {@link EndpointHandler}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    public ApiException(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, parameter + ": " + message, Map.of("parameter", parameter));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
