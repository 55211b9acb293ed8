package io.tradewind.core.ingest;

/** The input cannot be read as CSV at all (empty, or broken quoting that loses the row boundaries). */
public class CsvInputException extends RuntimeException {
    public CsvInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
