package io.tradewind.infra.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.serving.events.EventIntake;
import io.tradewind.serving.events.KafkaEventSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's replay on a real Kafka broker: a small shop's events after the cut (the ones the demo's import holds
 * back) reach the events topic once each, keyed by user, with the ids an import gives them, in event-time order and
 * at the pace asked for; and the cut import plus the replay are exactly the full import.
 */
class EventReplayTest {
    private static final Configuration CONF = new Configuration();
    private static final Instant CUT = Instant.parse("2011-12-01T00:00:00Z");
    private static final String TOPIC = "replay-events";
    /** Rows out of time order across days, a postage line (skipped), and the same line twice (two purchases). */
    private static final String SHOP = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            579001,21730,GLASS STAR LANTERN,2,2011-11-29 10:00:00,4.25,13001.0,France
            581001,22423,REGENCY CAKESTAND 3 TIER,1,2011-12-02 09:00:00,12.75,13001.0,France
            581002,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-12-01 08:30:00,2.55,13002.0,United Kingdom
            581002,POST,POSTAGE,1,2011-12-01 08:30:00,18.00,13002.0,United Kingdom
            579002,71053,WHITE METAL LANTERN,4,2011-11-30 23:59:00,3.39,13002.0,United Kingdom
            581003,84879,ASSORTED COLOUR BIRD ORNAMENT,8,2011-12-03 14:00:00,1.69,13003.0,Germany
            581003,84879,ASSORTED COLOUR BIRD ORNAMENT,8,2011-12-03 14:00:00,1.69,13003.0,Germany
            C581004,22423,REGENCY CAKESTAND 3 TIER,-1,2011-12-04 11:00:00,12.75,13001.0,France
            581005,21731,RED TOADSTOOL LED NIGHT LIGHT,12,2011-12-01 08:30:00,1.65,13003.0,Germany
            581006,22633,HAND WARMER UNION JACK,3,2011-12-05 16:45:00,2.10,13002.0,United Kingdom
            """;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka").toFile());
        kafka.createTopic(TOPIC, 1); // one partition: the topic's order is the order the replay sent
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theHeldBackEventsReachTheTopicOnceEachKeyedByUserWithImportIdsInEventTimeOrderAtThePaceAsked()
            throws Exception {
        Path csv = Files.writeString(dir.resolve("shop.csv"), SHOP);
        ReplaySlice slice = DemoSlices.onlineRetailFrom(csv, CUT, CONF);
        assertEquals(7, slice.events().size(), "8 rows after the cut minus the postage line; the repeated line twice");

        long started = System.nanoTime();
        try (KafkaEventSink sink = new KafkaEventSink(EventIntake.of(kafka.bootstrapServers()).withTopic(TOPIC))) {
            new EventReplay(sink, 20, ProgressListener.NONE).replay("test", slice.events());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<ConsumerRecord<byte[], byte[]>> records = readAll(7);
        assertEquals(7, records.size());
        List<BehaviourEvent> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            BehaviourEvent e = EventJson.fromWire(r.value()).event();
            assertEquals(e.userId(), new String(r.key(), StandardCharsets.UTF_8), "key = user id");
            sent.add(e);
        }
        assertEquals(slice.events(), sent, "every field, ids included, in the slice's order");
        List<Instant> times = sent.stream().map(BehaviourEvent::timestamp).toList();
        assertEquals(times.stream().sorted().toList(), times, "event-time order");
        assertEquals(Instant.parse("2011-12-01T08:30:00Z"), times.get(0));
        assertEquals(7, sent.stream().map(BehaviourEvent::eventId).distinct().count(), "the repeated line keeps two ids");
        assertEquals(List.of("85123A", "21731"), sent.subList(0, 2).stream().map(BehaviourEvent::itemId).toList(),
                "the same instant keeps the file's order");
        // 20 events/s in batches of 2: the last batch is due 6/20 s after the first.
        assertTrue(seconds >= 0.3, "paced: " + seconds + " s");

        ImportSummary cutImport = new EventImporter(CONF).run(ImportRequest.of("online-retail", csv.toString(),
                dir.resolve("cut").toString()).withEventsBefore(CUT));
        assertEquals(2, cutImport.written(), "the two November rows");
        assertEquals(7, cutImport.skippedByReason().get("held back: dated at or after " + CUT));
        new EventImporter(CONF).run(ImportRequest.of("online-retail", csv.toString(), dir.resolve("full").toString()));
        Set<String> cutAndReplayed = ids(dir.resolve("cut"));
        sent.forEach(e -> cutAndReplayed.add(e.eventId()));
        assertEquals(ids(dir.resolve("full")), cutAndReplayed,
                "the replayed ids are the full import's: the speed layer's archive adds each held-back event once");
    }

    @Test
    void theMostActiveKnownShoppersAreWatched() throws Exception {
        ReplaySlice slice = DemoSlices.onlineRetailFrom(Files.writeString(dir.resolve("watch.csv"), SHOP), CUT, CONF);

        assertEquals(List.of("13003", "13001"), slice.mostActiveUsers(2, u -> true), "ties by id");
        assertEquals(List.of("13001", "13002"), slice.mostActiveUsers(2, u -> !u.equals("13003")));
        assertEquals(3, slice.eventsOf("13003"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(int expected) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "isolation.level", "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // Anything more would be a duplicate: give it a moment to show.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    private static Set<String> ids(Path root) throws Exception {
        try (Stream<BehaviourEvent> events = MasterDatasetReader.at(root.toString(), CONF).events(DateRange.all())) {
            return events.map(BehaviourEvent::eventId).collect(Collectors.toSet());
        }
    }
}
