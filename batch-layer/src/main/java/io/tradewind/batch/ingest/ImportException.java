package io.tradewind.batch.ingest;

/**
 * An import that could not run or finish: unknown source, wrong mapping, missing or unreadable input, target
 * not writable. The message is one line meant for the person at the command line (multi-line messages of
 * underlying libraries are cut to their first line; the cause keeps the rest). Nothing was committed.
 */
public class ImportException extends RuntimeException {
    public ImportException(String message, Throwable cause) {
        super(firstLine(message), cause);
    }

    private static String firstLine(String message) {
        return message == null ? "import failed" : message.lines().findFirst().orElse("import failed");
    }
}
