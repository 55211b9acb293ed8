package io.tradewind.core.ingest;

import io.tradewind.core.event.EventIds;

/**
 * Event ids for the rows of one input file, via {@link EventIds#forImportedRow}: identical rows are told apart
 * by their occurrence number, so the same file always yields the same ids and duplicate lines keep one id each.
 * Only rows that pass the mapping's rules and conversions ask for an id; identical rows always share their fate,
 * so the numbering of identical rows does not depend on those rules.
 */
final class ImportedRowIds {
    private final String source;
    private final OccurrenceCounter seen = new OccurrenceCounter();

    ImportedRowIds(String source) {
        this.source = source;
    }

    String next(String rawRow) {
        String first = EventIds.forImportedRow(source, rawRow, 0);
        int occurrence = seen.next(fnv1a64(first));
        return occurrence == 0 ? first : EventIds.forImportedRow(source, rawRow, occurrence);
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
