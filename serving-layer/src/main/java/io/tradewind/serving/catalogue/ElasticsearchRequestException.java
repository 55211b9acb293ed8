package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Elasticsearch answered but refused a request it understood (e.g. {@code index_not_found_exception}, a mapping
 * conflict). Unlike {@link io.tradewind.serving.store.StoreUnavailableException} this is not cured by retrying.
 */
public class ElasticsearchRequestException extends RuntimeException {
    private final int status;
    private final String errorType;

    ElasticsearchRequestException(int status, JsonNode body, String request) {
        super(request + " failed with " + status + ": " + reason(body));
        this.status = status;
        this.errorType = body.path("error").path("type").asText("");
    }

    /** The HTTP status, e.g. 404. */
    public int status() {
        return status;
    }

    /** Elasticsearch's error type, e.g. {@code index_not_found_exception}; empty when the body had none. */
    public String errorType() {
        return errorType;
    }

    private static String reason(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        String type = error.path("type").asText("");
        String reason = error.path("reason").asText("");
        return type.isEmpty() && reason.isEmpty() ? body.toString() : type + ": " + reason;
    }
}
