package io.tradewind.serving.api.http;

/** A body with a status other than 200 (e.g. 202 Accepted, 201 Created), or a body of another content type. */
public record ApiResponse(int status, Object body, String contentType) {
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, "application/json");
    }

    public static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, body, contentType);
    }
}
