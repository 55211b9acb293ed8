package io.tradewind.core.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads CSV text through a mapping, for tests. */
final class MappingTestSupport {
    private MappingTestSupport() {
    }

    static List<MappedRow> read(SourceMapping mapping, String csv) {
        try (CsvEventReader reader = CsvEventReader.open(mapping, new StringReader(csv), "test.csv")) {
            List<MappedRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RowOutcome only(SourceMapping mapping, String csv) {
        List<MappedRow> rows = read(mapping, csv);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows);
        }
        return rows.get(0).outcome();
    }

    static io.tradewind.core.event.BehaviourEvent event(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Mapped mapped) {
            return mapped.event();
        }
        throw new AssertionError("expected an event, got " + outcome);
    }
}
