package io.tradewind.batch.ingest;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.ingest.CsvEventReader;
import io.tradewind.core.ingest.CsvInputException;
import io.tradewind.core.ingest.MappingException;
import io.tradewind.core.ingest.RowOutcome;
import io.tradewind.core.ingest.SourceMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The events of a CSV export dated within {@code [from, until)}, in event-time order, mapped exactly as an import
 * maps them: the whole file goes through the source's mapping, so each event keeps the id an import of the file
 * gives it. Skipped and rejected rows are left out (an import counts them). The demo replays such a slice through
 * Kafka; a slice is held in memory, so keep it to what a replay can send.
 */
public final class EventSlice {
    private EventSlice() {
    }

    /**
     * @param input a local path or Hadoop URI; gzip is detected from the content
     * @param from  first instant included; null for no lower bound
     * @param until first instant excluded; null for no upper bound
     * @throws ImportException with a one-line message when the input or mapping is unusable
     */
    public static List<BehaviourEvent> read(SourceMapping mapping, String input, Configuration conf, Instant from,
                                            Instant until) {
        List<BehaviourEvent> events = new ArrayList<>();
        try (ImportInput in = ImportInput.open(input, conf);
                CsvEventReader rows = CsvEventReader.open(mapping, in.reader(), in.uri().toString())) {
            while (rows.hasNext()) {
                if (rows.next().outcome() instanceof RowOutcome.Mapped mapped && within(mapped.event(), from, until)) {
                    events.add(mapped.event());
                }
            }
        } catch (MappingException | CsvInputException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("cannot read " + input + ": " + e.getMessage(), e);
        }
        // Stable: events of the same instant keep the file's order.
        events.sort(Comparator.comparing(BehaviourEvent::timestamp));
        return events;
    }

    private static boolean within(BehaviourEvent event, Instant from, Instant until) {
        return (from == null || !event.timestamp().isBefore(from)) && (until == null || event.timestamp().isBefore(until));
    }
}
