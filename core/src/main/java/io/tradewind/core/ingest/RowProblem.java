package io.tradewind.core.ingest;

/**
 * Why one row's value cannot become an event field. Checked and without a stack trace: it is a normal outcome
 * (the row goes to the rejects file), thrown for perhaps thousands of rows of a bad export.
 */
final class RowProblem extends Exception {
    RowProblem(String message) {
        super(message, null, false, false);
    }
}
