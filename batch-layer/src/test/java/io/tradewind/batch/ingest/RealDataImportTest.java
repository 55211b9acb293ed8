package io.tradewind.batch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the two real data sets from the shared data folder (system property {@code tradewind.shared.dir}, set
 * by Surefire) into a local master data set, and checks every count against what the data and the mapping
 * rules give. Skipped when the data is not there.
 */
class RealDataImportTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    private static Path sharedData(String file) {
        String shared = System.getProperty("tradewind.shared.dir");
        assumeTrue(shared != null, "tradewind.shared.dir not set");
        Path data = Path.of(shared, "data", file);
        assumeTrue(Files.isReadable(data), data + " not available");
        return data;
    }

    private static Map<EventType, Long> countByType(MasterDatasetReader reader, Set<String> distinctIds) throws IOException {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        try (Stream<BehaviourEvent> events = reader.events(DateRange.all())) {
            events.forEach(e -> {
                counts.merge(e.type(), 1L, Long::sum);
                distinctIds.add(e.eventId());
            });
        }
        return counts;
    }

    @Test
    void onlineRetailFullFile() throws IOException {
        Path input = sharedData("online_retail.csv.gz");
        String target = dir.resolve("master").toString();

        long start = System.nanoTime();
        ImportSummary summary = new EventImporter(CONF).run(ImportRequest.of("online-retail", input.toString(), target));
        long importMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.print(summary.describe());

        assertEquals(541_909, summary.read());
        // The three 'A' invoices have no CustomerID either, so the first rule counts them.
        assertEquals(Map.of("no CustomerID (not a known user)", 135_080L,
                "non-product line (postage, fees, manual adjustments)", 1_920L), summary.skippedByReason());
        assertEquals(0, summary.rejected());
        assertEquals(404_909, summary.written());
        assertEquals(summary.read(), summary.written() + summary.alreadyPresent() + summary.skipped() + summary.rejected());
        assertEquals(305, summary.partitionsWritten().size());
        assertEquals(LocalDate.of(2010, 12, 1), summary.partitionsWritten().get(0));
        assertEquals(LocalDate.of(2011, 12, 9), summary.partitionsWritten().get(304));

        MasterDatasetReader reader = MasterDatasetReader.at(target, CONF);
        Set<String> ids = new HashSet<>();
        assertEquals(Map.of(EventType.BUY, 396_370L, EventType.RETURN, 8_539L), countByType(reader, ids));
        assertEquals(404_909, ids.size(), "the 5,225 repeated lines with a customer keep one event each");

        long again = System.nanoTime();
        ImportSummary second = new EventImporter(CONF).run(ImportRequest.of("online-retail", input.toString(), target));
        long reimportMillis = (System.nanoTime() - again) / 1_000_000;
        assertEquals(0, second.written());
        assertEquals(404_909, second.alreadyPresent());
        assertEquals(404_909, reader.count(DateRange.all()));
        System.out.printf("online-retail: import %,d ms, re-import %,d ms%n", importMillis, reimportMillis);
    }

    @Test
    void taobaoSample() throws IOException {
        Path input = sharedData("taobao_user_behavior_sample.csv.gz");
        String target = dir.resolve("master").toString();

        long start = System.nanoTime();
        ImportSummary summary = new EventImporter(CONF).run(ImportRequest.of("taobao", input.toString(), target));
        System.out.print(summary.describe());
        System.out.printf("taobao: import %,d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertEquals(110_300, summary.read());
        assertEquals(110_300, summary.written());
        assertEquals(0, summary.skipped() + summary.rejected());
        assertEquals(List.of(LocalDate.of(2017, 11, 26)), summary.partitionsWritten());
        Set<String> ids = new HashSet<>();
        assertEquals(Map.of(EventType.VIEW, 98_361L, EventType.CART, 6_063L, EventType.FAV, 3_383L,
                EventType.BUY, 2_493L), countByType(MasterDatasetReader.at(target, CONF), ids));
        assertEquals(110_300, ids.size());
    }
}
