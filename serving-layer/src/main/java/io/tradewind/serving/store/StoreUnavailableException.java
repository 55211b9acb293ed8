package io.tradewind.serving.store;

/**
 * A serving store (HBase, Elasticsearch) did not answer in time or refused: the caller degrades (popular lists from
 * memory, 503 for search) instead of failing the request with a 500.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
