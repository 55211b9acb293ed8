package io.tradewind.serving.api.http;

/**
 * One API operation. Returns the body of a 200 answer (serialised as JSON) or an {@link ApiResponse}; throws
 * {@link ApiException} for answers the caller must act on.
 */
@FunctionalInterface
public interface Endpoint {
    Object handle(ApiRequest request) throws Exception;
}
