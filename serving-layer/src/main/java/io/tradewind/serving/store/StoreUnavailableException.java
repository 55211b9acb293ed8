package io.tradewind.serving.store;

/**
 * A serving store (HBase, Elasticsearch) did not answer in time or refused: the caller degrades (popular lists from
 * memory, 503 for search) instead of failing the request with a 500.
 *
 * <p>Two messages: {@link #getMessage()} is for the server log and may name hosts, tables and the client library's
 * own message; {@link #publicMessage()} is what a shop is told, in words, naming no host, path or class.
 */
public class StoreUnavailableException extends RuntimeException {
    /** What a shop is told when the thrower gave no public message of its own. */
    public static final String SOME_STORE = "a data store is unavailable; try again shortly";
    /** What a shop is told when HBase (portraits, lists, registry, categories) fails. */
    public static final String RECOMMENDATIONS_STORE = "the recommendations store is unavailable; try again shortly";
    /** What a shop is told when Elasticsearch (the product catalogue) fails. */
    public static final String CATALOGUE = "the product catalogue is unavailable; try again shortly";

    private final String publicMessage;

    /** @param message for the log; the shop is told {@link #SOME_STORE} */
    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause, SOME_STORE);
    }

    /**
     * @param message       for the log: may name hosts and carry the cause's message
     * @param publicMessage for the shop: what failed, in words
     */
    public StoreUnavailableException(String message, Throwable cause, String publicMessage) {
        super(message, cause);
        this.publicMessage = publicMessage;
    }

    /** What failed, in words a shop can be shown: no host, path or class name. */
    public String publicMessage() {
        return publicMessage;
    }
}
