package io.tradewind.core.ingest;

/**
 * One CSV record and what became of it.
 *
 * @param line   1-based physical line where the record starts (the header is line 1)
 * @param rawRow the record's fields re-encoded as CSV with the source's delimiter; the event id is derived from
 *               it, so ids do not depend on quoting style or line endings
 */
public record MappedRow(long line, String rawRow, RowOutcome outcome) {
}
