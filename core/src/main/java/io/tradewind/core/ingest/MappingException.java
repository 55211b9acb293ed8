package io.tradewind.core.ingest;

/**
 * A mapping that cannot work: bad JSON, an unknown event field, a bad time format, a column missing from the
 * input's header. Thrown before any row is imported; the message is one line that names the problem.
 */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
