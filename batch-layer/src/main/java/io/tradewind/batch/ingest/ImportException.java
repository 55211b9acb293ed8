package io.tradewind.batch.ingest;

/**
 * An import that could not run or finish: unknown source, wrong mapping, missing or unreadable input, target
 * not writable. The message is one line meant for the person at the command line; nothing was committed.
 */
public class ImportException extends RuntimeException {
    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
