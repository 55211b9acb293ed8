package io.tradewind.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RowKeys;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.contracts.views.FactorView;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.RfmBaselineView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.TrendingView;
import io.tradewind.core.incremental.ScoredItem;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventType;
import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.speed.ingest.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.CloseableIterator;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job end to end on real components: a KRaft broker, HDFS (master data set and batch views), HBase
 * (serving tables) and Flink's MiniCluster. A mix of good, duplicate and bad records goes in through Kafka; what
 * comes out is checked where the other layers read it.
 */
class SpeedLayerJobTest {
    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static EmbeddedHdfs hdfs;
    static EmbeddedHBase hbase;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka").toFile());
        hdfs = EmbeddedHdfs.start(dir.resolve("hdfs").toFile(), true);
        hbase = EmbeddedHBase.start(dir.resolve("hbase").toFile());
        connection = ConnectionFactory.createConnection(hbase.configuration());
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (hbase != null) {
            hbase.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void archivesValidEventsOnceDeadLettersTheRestAndUpdatesRealtimeViews() throws Exception {
        String ns = "speedtest";
        String views = hdfs.uri() + "/views";
        String events = hdfs.uri() + "/events";
        kafka.createTopic("ev", 2);
        kafka.createTopic("ev-dead", 1);
        publishBatchVersion(views, ns, "v1");

        List<BehaviourEvent> valid = List.of(
                event("e1", "u1", "A", EventType.VIEW, "2011-12-08T10:00:00Z"),
                event("e2", "u1", "B", EventType.CART, "2011-12-08T10:05:00Z"),
                event("e3", "u1", "B", EventType.BUY, "2011-12-09T09:00:00Z"),
                event("e4", "u2", "C", EventType.FAV, "2011-12-09T11:00:00Z"),
                // out of order: an earlier day after a later one; it still lands in its own partition
                event("e5", "u2", "A", EventType.VIEW, "2011-12-07T08:00:00Z"));
        List<byte[]> bad = List.of(
                "{not json".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28},
                "{\"eventId\":\"x1\",\"itemId\":\"A\",\"type\":\"view\",\"timestamp\":1323424800000}".getBytes(StandardCharsets.UTF_8),
                "{\"eventId\":\"x2\",\"userId\":\"u9\",\"itemId\":\"A\",\"type\":\"teleport\",\"timestamp\":1323424800000}".getBytes(StandardCharsets.UTF_8),
                EventJson.toWire(event("x3", "u9", "A", EventType.BUY, "2099-01-01T00:00:00Z")));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (BehaviourEvent e : valid) {
                producer.send(new ProducerRecord<>("ev", bytes(e.userId()), EventJson.toWire(e))).get(10, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>("ev", bytes("u1"), EventJson.toWire(valid.get(0)))).get(10, TimeUnit.SECONDS);
            for (byte[] b : bad) {
                producer.send(new ProducerRecord<>("ev", bytes("u9"), b)).get(10, TimeUnit.SECONDS);
            }
        }
        int produced = valid.size() + 1 + bad.size();

        SpeedLayerSettings settings = SpeedLayerSettings.defaults(kafka.bootstrapServers(), events, views)
                .withTopics("ev", "ev-dead", "test-group")
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), ns)
                .withCheckpointInterval(Duration.ofSeconds(1))
                .withParallelism(2);
        List<String> duplicates = runBounded(settings);

        // Archive: exactly the valid events, once each, in the partition of their own event date.
        MasterDatasetReader reader = MasterDatasetReader.at(events, new org.apache.hadoop.conf.Configuration());
        List<BehaviourEvent> archived;
        try (var stream = reader.events(DateRange.all())) {
            archived = stream.toList();
        }
        assertEquals(valid.stream().map(BehaviourEvent::eventId).sorted().toList(),
                archived.stream().map(BehaviourEvent::eventId).sorted().toList());
        assertEquals(Set.copyOf(valid), Set.copyOf(archived));
        assertEquals(List.of(LocalDate.parse("2011-12-07"), LocalDate.parse("2011-12-08"), LocalDate.parse("2011-12-09")),
                reader.partitions());
        assertEquals(Set.of("e5"), reader.eventIds(LocalDate.parse("2011-12-07")));

        // Dead letters: every bad record, with a reason and the original payload.
        List<DeadLetter> dead = readCommitted("ev-dead", bad.size());
        assertEquals(bad.size(), dead.size());
        DeadLetter notJson = dead.stream().filter(d -> d.payload().equals("{not json")).findFirst().orElseThrow();
        assertTrue(notJson.reason().startsWith("payload: not JSON at line 1"), notJson.reason());
        assertEquals("u9", notJson.key());
        assertEquals("payload: not UTF-8 text", dead.stream().filter(DeadLetter::payloadBase64).findFirst().orElseThrow().reason());
        assertTrue(dead.stream().anyMatch(d -> d.reason().contains("userId: required")), dead.toString());
        assertTrue(dead.stream().anyMatch(d -> d.reason().startsWith("type: must be one of")), dead.toString());
        assertTrue(dead.stream().anyMatch(d -> d.reason().startsWith("timestamp: 2099-01-01T00:00:00Z is more than 300 s ahead")), dead.toString());
        assertTrue(dead.stream().allMatch(d -> d.origin().startsWith("ev-")), dead.toString());

        // Counts prove nothing was lost: produced = archived + dead-lettered + duplicates dropped.
        assertEquals(List.of("e1"), duplicates);
        assertEquals(produced, archived.size() + dead.size() + duplicates.size());

        // Real-time views: u1's list holds the neighbours of what u1 just did, and u1's purchase is recorded.
        Result u1 = userRow(ns, "u1");
        List<RealtimeItem> list = ListCodec.decodeRealtime(u1.getValue(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS));
        List<String> order = list.stream().map(RealtimeItem::item).toList();
        RealtimeItem nb = list.stream().filter(i -> i.item().equals("N-B")).findFirst().orElseThrow(() -> new AssertionError(list));
        assertEquals("neighbour-of:B", nb.reason());
        assertTrue(order.indexOf("N-B") < order.indexOf("N-A"), "B was carted and bought, A only viewed: " + list);
        assertTrue(list.stream().allMatch(i -> i.updatedAtMillis() == Instant.parse("2011-12-09T09:00:00Z").toEpochMilli()),
                "every entry is stamped with the latest event time folded in: " + list);
        assertEquals(Instant.parse("2011-12-09T09:00:00Z").toEpochMilli(),
                Bytes.toLong(u1.getValue(ServingTables.REALTIME, ServingTables.bytes(ServingTables.REALTIME_BOUGHT_PREFIX + "B"))));
        assertTrue(userRow(ns, "u9").isEmpty(), "refused records change no state");
        // The version's trending items are candidates too: T reaches u2, who never touched it, as trending.
        List<RealtimeItem> u2 = ListCodec.decodeRealtime(userRow(ns, "u2").getValue(ServingTables.REALTIME,
                ServingTables.REALTIME_ITEMS));
        assertEquals(ScoredItem.TRENDING, u2.stream().filter(i -> i.item().equals("T")).findFirst()
                .orElseThrow(() -> new AssertionError("no trending item in " + u2)).reason());
    }

    /**
     * Live segments against the active version's centroids (standardiser = identity, so a centroid is log1p of
     * recency days, purchase occasions and revenue): s1, dormant in the batch, buys again and becomes "growth", then
     * places a large order and becomes "high-value"; s2 (high-value) only looks, so nothing is written; s3, unknown to
     * the batch, gets a segment with a first purchase. A second run over the same events writes the same cells.
     */
    @Test
    void purchasesMoveAUserToAnotherSegmentLiveAndAReplayWritesTheSameCells() throws Exception {
        kafka.createTopic("seg", 2);
        kafka.createTopic("seg-dead", 1);
        String views = hdfs.uri() + "/seg/views";
        ViewStore.VersionWriter writer = new ViewStore(views, new org.apache.hadoop.conf.Configuration()).newVersion("s1");
        writeTeacher(writer, "s1");
        writer.writeJson(SegmentsView.FILE, new SegmentsView(3, null, "fixed by --segments", List.of(), List.of(
                segment("dormant", 200, 1, 5), segment("growth", 0.65, 1, 3.5), segment("high-value", 1, 10, 100)),
                new double[3], new double[] {1, 1, 1}, 0, Map.of(), Map.of()));
        long asOf = Instant.parse("2011-12-01T00:00:00Z").toEpochMilli();
        writer.writeJsonLines(RfmBaselineView.FILE, List.of(
                new RfmBaselineView("s1", asOf - 200 * 86_400_000L, 1, 5.0, true),
                new RfmBaselineView("s2", asOf - 86_400_000L, 10, 100.0, true)));
        writer.complete();
        activate("segments", "s1");

        BehaviourEvent bigOrder = new BehaviourEvent("s1-4", "s1", "C", EventType.BUY,
                Instant.parse("2011-12-03T09:00:00Z").toEpochMilli(), 60, 2.5, "GBP", "France", null, null, "ITEM C", "test");
        produce("seg", List.of(
                event("s1-1", "s1", "A", EventType.VIEW, "2011-12-02T09:00:00Z"),
                event("s1-2", "s1", "A", EventType.BUY, "2011-12-02T10:00:00Z"),
                event("s1-3", "s1", "B", EventType.BUY, "2011-12-02T11:00:00Z"),
                bigOrder,
                event("s2-1", "s2", "A", EventType.VIEW, "2011-12-02T09:00:00Z"),
                event("s3-1", "s3", "B", EventType.VIEW, "2011-12-02T09:00:00Z"),
                event("s3-2", "s3", "B", EventType.BUY, "2011-12-02T09:30:00Z")));
        runBounded(segmentSettings(views, "events", "seg-dead", "seg-group"));

        Cell s1 = userRow("segments", "s1").getColumnLatestCell(ServingTables.REALTIME, ServingTables.REALTIME_SEGMENT);
        LiveSegment moved = LiveSegment.decode(CellUtil.cloneValue(s1));
        assertEquals("high-value", moved.segment(), moved.toString());
        assertEquals("s1", moved.version());
        assertEquals(bigOrder.timestampMillis(), moved.changedAtMillis(), "changed with the large order");
        assertEquals(bigOrder.timestampMillis(), s1.getTimestamp(), "the cell is stamped with the change's event time");
        assertEquals(4, moved.frequency(), "one batch occasion and three since");
        assertEquals(5.0 + 2.5 + 2.5 + 150.0, moved.monetary(), 1e-9);
        assertEquals(0.0, moved.recencyDays(), 0.0);
        assertTrue(userRow("segments", "s2").getValue(ServingTables.REALTIME, ServingTables.REALTIME_SEGMENT) == null,
                "s2 is still high-value: no change, no cell");
        LiveSegment first = LiveSegment.decode(
                userRow("segments", "s3").getValue(ServingTables.REALTIME, ServingTables.REALTIME_SEGMENT));
        assertEquals("growth", first.segment(), "a new user's first purchase: " + first);

        // A replay from the start (another consumer group, fresh state) writes identical cells.
        kafka.createTopic("seg-dead-2", 1);
        runBounded(segmentSettings(views, "replayed-events", "seg-dead-2", "seg-replay"));
        Cell again = userRow("segments", "s1").getColumnLatestCell(ServingTables.REALTIME, ServingTables.REALTIME_SEGMENT);
        assertEquals(s1.getTimestamp(), again.getTimestamp());
        assertTrue(java.util.Arrays.equals(CellUtil.cloneValue(s1), CellUtil.cloneValue(again)));
    }

    private static SpeedLayerSettings segmentSettings(String views, String archive, String deadLetters, String group) {
        return SpeedLayerSettings.defaults(kafka.bootstrapServers(), hdfs.uri() + "/seg/" + archive, views)
                .withTopics("seg", deadLetters, group)
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), "segments")
                .withCheckpointInterval(Duration.ofSeconds(1))
                .withParallelism(2);
    }

    private static SegmentsView.Segment segment(String label, double recencyDays, double occasions, double revenue) {
        return new SegmentsView.Segment(label, 1, new double[] {Math.log1p(recencyDays), Math.log1p(occasions),
                Math.log1p(revenue)}, recencyDays, occasions, revenue);
    }

    @Test
    void aKilledJobResumesFromItsCheckpointWithNothingLostOrDoubledAndTheSameViews() throws Exception {
        kafka.createTopic("rec", 2);
        kafka.createTopic("rec-dead", 1);
        String killedEvents = hdfs.uri() + "/rec/events";
        String referenceEvents = hdfs.uri() + "/ref/events";
        publishBatchVersion(hdfs.uri() + "/rec/views", "recovery", "v1");
        publishBatchVersion(hdfs.uri() + "/ref/views", "reference", "v1");
        List<BehaviourEvent> first = generated(0, 400);
        List<BehaviourEvent> second = generated(400, 800);
        produce("rec", first);
        produce("rec", List.of(first.get(3), first.get(7))); // resent: dropped as duplicates
        produce("rec", List.of(EventJson.toWire(event("x9", "u9", "A", EventType.BUY, "2099-01-01T00:00:00Z"))), true);

        SpeedLayerSettings resumedSettings = SpeedLayerSettings.defaults(kafka.bootstrapServers(), killedEvents,
                        hdfs.uri() + "/rec/views")
                .withTopics("rec", "rec-dead", "rec-group")
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), "recovery")
                .withCheckpointInterval(Duration.ofMillis(500))
                .withParallelism(2);
        // The first run checkpoints rarely, so the second half is read and applied but never committed
        // before the kill: the restart has to replay it.
        SpeedLayerSettings killed = resumedSettings.withCheckpointInterval(Duration.ofSeconds(4));
        Path checkpoints = dir.resolve("checkpoints");
        JobClient job = startUnbounded(killed, checkpoints, null);
        awaitArchived(killedEvents, 1); // the first checkpoint has completed
        produce("rec", second);
        Thread.sleep(300); // some of the second half is processed but not yet checkpointed
        job.cancel().get(30, TimeUnit.SECONDS);
        Path latest = latestCheckpoint(checkpoints);
        int beforeRestart = archivedIds(killedEvents).size();
        assertTrue(beforeRestart < first.size() + second.size(), "killed mid-stream: " + beforeRestart + " archived");

        JobClient resumed = startUnbounded(resumedSettings, checkpoints, latest);
        Set<String> expected = new java.util.HashSet<>();
        first.forEach(e -> expected.add(e.eventId()));
        second.forEach(e -> expected.add(e.eventId()));
        List<String> archived = awaitArchived(killedEvents, expected.size());
        Thread.sleep(1_500); // two more checkpoints: anything doubled would be committed by now
        archived = archivedIds(killedEvents);
        resumed.cancel().get(30, TimeUnit.SECONDS);

        assertEquals(expected.size(), archived.size(), "no event archived twice");
        assertEquals(expected, Set.copyOf(archived), "every valid event archived");
        assertEquals(1, readCommitted("rec-dead", 1).size(), "the bad record dead-lettered once");

        SpeedLayerSettings reference = SpeedLayerSettings.defaults(kafka.bootstrapServers(), referenceEvents,
                        hdfs.uri() + "/ref/views")
                .withTopics("rec", "rec-dead-ref", "ref-group")
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), "reference")
                .withCheckpointInterval(Duration.ofSeconds(1))
                .withParallelism(2);
        kafka.createTopic("rec-dead-ref", 1);
        runBounded(reference);
        for (int u = 0; u < USERS; u++) {
            byte[] resumedList = userRow("recovery", "g" + u).getValue(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS);
            byte[] uninterrupted = userRow("reference", "g" + u).getValue(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS);
            assertTrue(uninterrupted != null && java.util.Arrays.equals(uninterrupted, resumedList),
                    "user g" + u + ": the resumed job's list equals an uninterrupted run's");
        }
    }

    @Test
    void anHBaseOutageHoldsTheJobBackAndEveryUpdateLandsWhenItReturns() throws Exception {
        kafka.createTopic("out", 2);
        kafka.createTopic("out-dead", 1);
        String events = hdfs.uri() + "/out/events";
        publishBatchVersion(hdfs.uri() + "/out/views", "outage", "v1");
        SpeedLayerSettings settings = SpeedLayerSettings.defaults(kafka.bootstrapServers(), events,
                        hdfs.uri() + "/out/views")
                .withTopics("out", "out-dead", "out-group")
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), "outage")
                .withCheckpointInterval(Duration.ofMillis(500))
                .withParallelism(2);
        List<BehaviourEvent> before = generated(0, 100);
        List<BehaviourEvent> during = generated(100, 200);
        JobClient job = startUnbounded(settings, dir.resolve("outage-checkpoints"), null);
        try {
            produce("out", before);
            awaitArchived(events, before.size());
            hbase.stop();
            try {
                produce("out", during);
                Thread.sleep(8_000); // the view writer retries; back-pressure holds the job, it does not fail
                assertTrue(!job.getJobStatus().get().isGloballyTerminalState(), "the job survives the outage");
            } finally {
                hbase.restart();
            }
            List<String> archived = awaitArchived(events, before.size() + during.size());
            assertEquals(before.size() + during.size(), archived.size(), "every event archived once");
            // Every user's list reaches the user's latest event: no update made during the outage was dropped.
            Map<String, Long> latest = new java.util.HashMap<>();
            during.forEach(e -> latest.merge(e.userId(), e.timestampMillis(), Math::max));
            for (var user : latest.entrySet()) {
                awaitListAt("outage", user.getKey(), user.getValue());
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the user's real-time list is stamped with {@code eventMillis} (the latest event folded in). */
    private static void awaitListAt(String ns, String user, long eventMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long stamped = -1;
        while (System.nanoTime() < deadline) {
            byte[] cell = userRow(ns, user).getValue(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS);
            List<RealtimeItem> list = cell == null ? List.of() : ListCodec.decodeRealtime(cell);
            stamped = list.isEmpty() ? -1 : list.get(0).updatedAtMillis();
            if (stamped == eventMillis) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("user " + user + "'s list is at event time " + stamped + ", not " + eventMillis);
    }

    private static final int USERS = 20;

    /** Events {@code from..to} of a deterministic stream: 20 users, the six catalogue items, every type. */
    private static List<BehaviourEvent> generated(int from, int to) {
        String[] items = {"A", "B", "C", "N-A", "N-B", "N-C"};
        EventType[] types = {EventType.VIEW, EventType.VIEW, EventType.CART, EventType.FAV, EventType.BUY};
        List<BehaviourEvent> out = new ArrayList<>();
        long start = Instant.parse("2011-12-05T00:00:00Z").toEpochMilli();
        for (int i = from; i < to; i++) {
            out.add(event("g-" + i, "g" + (i % USERS), items[(i * 7) % items.length], types[i % types.length],
                    Instant.ofEpochMilli(start + i * 60_000L).toString()));
        }
        return out;
    }

    private static JobClient startUnbounded(SpeedLayerSettings settings, Path checkpoints, Path restoreFrom) throws Exception {
        Map<String, String> conf = new java.util.HashMap<>(Map.of(
                "restart-strategy.type", "none",
                "state.checkpoints.dir", checkpoints.toUri().toString(),
                "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"));
        if (restoreFrom != null) {
            conf.put("execution.savepoint.path", restoreFrom.toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(conf));
        SpeedLayerJob job = new SpeedLayerJob(settings);
        job.build(env, job.source(OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST), null));
        return env.executeAsync("speed layer recovery test");
    }

    /** The newest retained checkpoint ({@code chk-N} with its metadata) of any job under {@code root}. */
    private static Path latestCheckpoint(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .max(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no completed checkpoint under " + root));
        }
    }

    private static List<String> awaitArchived(String events, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> ids = List.of();
        while (System.nanoTime() < deadline) {
            ids = archivedIds(events);
            if (ids.size() >= atLeast) {
                return ids;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("archived " + ids.size() + " of " + atLeast + " events within 90 s");
    }

    private static List<String> archivedIds(String events) throws Exception {
        try (var stream = MasterDatasetReader.at(events, new org.apache.hadoop.conf.Configuration()).events(DateRange.all())) {
            return stream.map(BehaviourEvent::eventId).toList();
        }
    }

    private static void produce(String topic, List<BehaviourEvent> events) throws Exception {
        produce(topic, events.stream().map(EventJson::toWire).toList(), false);
    }

    private static void produce(String topic, List<byte[]> values, boolean raw) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (byte[] v : values) {
                String user = raw ? "u9" : EventJson.fromWire(v).event().userId();
                acks.add(producer.send(new ProducerRecord<>(topic, bytes(user), v)));
            }
            for (var ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs the job over what the topic holds now, and returns the duplicate event ids it dropped. */
    private static List<String> runBounded(SpeedLayerSettings settings) throws Exception {
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        SpeedLayerJob job = new SpeedLayerJob(settings);
        SpeedLayerPipeline.Streams streams = job.build(env,
                job.source(OffsetsInitializer.earliest(), OffsetsInitializer.latest()));
        List<String> duplicates = new ArrayList<>();
        try (CloseableIterator<String> ids = streams.duplicateIds().collectAsync()) {
            env.execute("speed layer test");
            ids.forEachRemaining(duplicates::add);
        }
        return duplicates;
    }

    /**
     * A batch version as a retrain publishes it for the teacher (ALS factors, top lists, neighbours A~N-A, B~N-B,
     * C~N-C, buyer counts), made active in the registry as publish would.
     */
    private static void publishBatchVersion(String viewsUri, String ns, String version) throws Exception {
        ViewStore.VersionWriter writer = new ViewStore(viewsUri, new org.apache.hadoop.conf.Configuration())
                .newVersion(version);
        writeTeacher(writer, version);
        writer.complete();
        activate(ns, version);
    }

    private static void writeTeacher(ViewStore.VersionWriter writer, String version) throws Exception {
        List<String> items = List.of("A", "B", "C", "N-A", "N-B", "N-C", "T");
        writer.writeJsonLines("items.jsonl", items.stream()
                .map(i -> new ItemStat(i, "ITEM " + i, null, 2.5, 10, Map.of())).toList());
        writer.writeJsonLines("factors-items.jsonl", List.of(
                // the N- items are known only as neighbours (no factor signal), so their reason is the neighbour
                new FactorView("A", new float[] {1, 0}), new FactorView("N-A", new float[] {0, 0}),
                new FactorView("B", new float[] {0, 1}), new FactorView("N-B", new float[] {0, 0}),
                new FactorView("C", new float[] {0.5f, 0.5f}), new FactorView("N-C", new float[] {0, 0}),
                new FactorView("T", new float[] {0, 0})));
        // T sells most in the batch's last weeks: the only way it reaches a list (no factors, nobody's neighbour).
        writer.writeJsonLines(TrendingView.FILE, List.of(new TrendingView("T", 40.0), new TrendingView("A", 5.0)));
        writer.writeJsonLines("factors-users.jsonl", List.of(new FactorView("someone", new float[] {0.2f, 0.2f})));
        writer.writeJsonLines("toplists/ALS.jsonl", List.of(new TopListView("someone",
                List.of(new TopListView.Scored("C", 0.2f)), List.of())));
        writer.writeJsonLines("neighbours.jsonl", List.of(
                new NeighboursView("A", List.of(new NeighboursView.Neighbour("N-A", 0.5f))),
                new NeighboursView("B", List.of(new NeighboursView.Neighbour("N-B", 0.5f), new NeighboursView.Neighbour("A", 0.1f))),
                new NeighboursView("C", List.of(new NeighboursView.Neighbour("N-C", 0.9f)))));
        writer.writeJson(ViewStore.MANIFEST, new Manifest(version, "2011-12-01T00:00:00Z", "2011-12-01T00:00:00Z", null,
                Map.of(), List.of(), List.of(new Manifest.ModelEntry("ALS", Map.of("rank", 2, "alpha", 1.0, "reg", 0.3),
                0.1, "toplists/ALS.jsonl")), Map.of(), Map.of()));
    }

    private static void activate(String ns, String version) throws Exception {
        ServingTables.createIfAbsent(connection, HBaseStoreSettings.defaults().withNamespace(ns));
        try (Table registry = connection.getTable(new ServingTables(ns).registry)) {
            registry.put(new Put(ServingTables.REGISTRY_ACTIVE_ROW)
                    .addColumn(ServingTables.REGISTRY, ServingTables.REGISTRY_ACTIVE_VERSION, Bytes.toBytes(version)));
        }
    }

    private static Result userRow(String ns, String user) throws Exception {
        try (Table users = connection.getTable(new ServingTables(ns).users)) {
            return users.get(new Get(RowKeys.salted(user)).addFamily(ServingTables.REALTIME));
        }
    }

    private static List<DeadLetter> readCommitted(String topic, int expected) {
        return DeadLetterTopic.readCommitted(kafka.bootstrapServers(), topic, expected, Duration.ofSeconds(30));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static BehaviourEvent event(String id, String user, String item, EventType type, String time) {
        return new BehaviourEvent(id, user, item, type, Instant.parse(time).toEpochMilli(), 1,
                type == EventType.BUY ? 2.5 : null, type == EventType.BUY ? "GBP" : null, "France", null, null,
                "ITEM " + item, "test");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
