package io.tradewind.serving.api.http;

import java.util.Map;

/**
 * A body with a status other than 200 (e.g. 202 Accepted, 201 Created), or a body of another content type, or
 * extra response headers (a session cookie).
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, Object body, String contentType) {
        this(status, body, contentType, Map.of());
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, "application/json");
    }

    public static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, body, contentType);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> next = new java.util.LinkedHashMap<>(headers);
        next.put(name, value);
        return new ApiResponse(status, body, contentType, next);
    }
}
