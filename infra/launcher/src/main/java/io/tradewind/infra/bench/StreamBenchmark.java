package io.tradewind.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.JsonLinesReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventType;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.ConsumerLag;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.infra.serve.SpeedLayerRunner;
import io.tradewind.infra.serve.StoreEndpoints;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import io.tradewind.serving.events.EventIntake;
import io.tradewind.speed.SpeedLayerSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./tradewind bench stream}: the whole lambda architecture on this machine under a stream of behaviour
 * events. Online Retail is imported, retrained and published first; then events of its real users and items are
 * produced to Kafka at fixed rates, each for a while, with the speed layer (Flink MiniCluster), HBase, Kafka,
 * Elasticsearch, the API and the generator all on the same two cores. Events carry their user's country, and the
 * trending windows are shortened (1 minute, a board every 10 s), so Elasticsearch takes trending updates throughout.
 * Per rate it measures:
 * <ul>
 *   <li>consumer lag (end offsets minus the offsets the job has committed) at the start and end of the measured
 *   part: the job keeps up when the lag does not grow;</li>
 *   <li>freshness: probe events for users with no history, produced while the stream runs; each probe's latency is
 *   from Kafka's acknowledgement to the first answer of {@code GET /v1/users/{id}/recommendations} that shows a
 *   real-time entry;</li>
 *   <li>at the first rate, the recommendations endpoint's latency at 200 req/s while the stream runs, against the
 *   same load measured first with no stream (the ratio is printed).</li>
 * </ul>
 * Goals (speed-layer issue): the lag holds at >= 10,000 events/s, freshness p99 <= 1 s.
 */
public final class StreamBenchmark {
    private static final int GOAL_RATE = 10_000;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    private static final Duration CHECKPOINTS = Duration.ofSeconds(2);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    private static final Duration PROBE_GIVES_UP = Duration.ofSeconds(15);
    // Shorter than the default hour every 15 minutes, so boards reach Elasticsearch while the bench runs.
    private static final Duration TRENDING_WINDOW = Duration.ofMinutes(1);
    private static final Duration TRENDING_SLIDE = Duration.ofSeconds(10);

    private final Path data;
    private final Path work;
    private final List<Integer> rates;
    private final ProgressListener progress;

    public StreamBenchmark(Path data, Path work, List<Integer> rates, ProgressListener progress) {
        this.data = data;
        this.work = work;
        this.rates = List.copyOf(rates);
        this.progress = progress;
    }

    public BenchResult run(PrintStream log) throws Exception {
        BenchResult result = new BenchResult("stream");
        BenchDirs.fresh(work); // an earlier run's Kafka log would start this one with its backlog
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.start(work.resolve("hdfs").toFile(), true);
             EmbeddedServingStores stores = EmbeddedServingStores.start(work.resolve("stores"), log)) {
            BenchShop shop = BenchShop.prepare(hdfs, data, progress, log);
            String events = shop.eventsUri();
            String views = shop.viewsUri();
            RetrainPipeline.Result retrained = shop.retrained();
            StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), views, events);
            Path keysFile = work.resolve("api-keys.json");
            Files.deleteIfExists(keysFile);
            String key = ApiKeyStore.open(keysFile).create("bench", Role.SHOP);
            ServingConfig config = ServingConfig.of(endpoints.hbaseConfiguration(), hdfs.configuration(),
                    endpoints.elasticsearch(), EventIntake.of(endpoints.kafka()), keysFile).withPort(0);
            try (ServingLayer layer = ServingLayer.open(config, progress);
                 SpeedLayerRunner speed = SpeedLayerRunner.start(endpoints, hdfs.configuration(), log,
                         s -> s.withCheckpointInterval(CHECKPOINTS).withTrending(s.trending()
                                 .withWindows(TRENDING_WINDOW, TRENDING_SLIDE, s.trending().lateness())));
                 KafkaProducer<byte[], byte[]> producer = producer(endpoints.kafka());
                 Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka()))) {
                layer.publisher().publish(views, Optional.empty());
                String base = "http://127.0.0.1:" + layer.startApi().port();
                List<String> users = retrained.portraits().stream().map(Portrait::userId).toList();
                List<String> countries = retrained.portraits().stream().map(p -> p.habits().country()).toList();
                List<String> items = items(retrained, hdfs);
                String probeItem = items.get(0); // the most bought item: it has neighbours, so a probe gets a list
                result.note("users", users.size()).note("items", items.size()).note("version", retrained.version())
                        .note("warmUpSeconds", WARM_UP.toSeconds()).note("measuredSeconds", MEASURED.toSeconds())
                        .note("checkpointSeconds", CHECKPOINTS.toSeconds()).note("probeItem", probeItem)
                        .note("trendingWindow", TRENDING_WINDOW.toString()).note("trendingSlide", TRENDING_SLIDE.toString());
                ConsumerLag lag = new ConsumerLag(admin, SpeedLayerSettings.DEFAULT_EVENTS_TOPIC, SpeedLayerSettings.DEFAULT_CONSUMER_GROUP);
                // The baseline for the reads under the stream: the same load with no events flowing, in this run.
                log.println("Recommendations at 200 req/s with no stream (baseline) ...");
                OpenLoopLoad.Measured idle = reads(base, key, users, "recommendations, no stream");
                result.add("no stream: recommendations p50", idle.p50Millis(), "ms");
                result.add("no stream: recommendations p99", idle.p99Millis(), "ms");
                int highestHeld = 0;
                for (int i = 0; i < rates.size(); i++) {
                    int rate = rates.get(i);
                    log.printf("Streaming %,d events/s (%d s warm-up, %d s measured) ...%n", rate, WARM_UP.toSeconds(),
                            MEASURED.toSeconds());
                    Generator generator = new Generator(producer, users, countries, items, rate, i);
                    generator.runFor(WARM_UP);
                    Probes probes = new Probes(producer, base, key, probeItem, "probe-" + rate + "-");
                    OpenLoopLoad.Measured reads = null;
                    long lagBefore = lag.now();
                    Thread probing = probes.start(MEASURED);
                    if (i == 0) {
                        AtomicReference<OpenLoopLoad.Measured> measured = new AtomicReference<>();
                        Thread load = new Thread(() -> {
                            try {
                                measured.set(reads(base, key, users, "recommendations while streaming"));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "bench-reads");
                        load.start();
                        generator.runFor(MEASURED);
                        load.join();
                        reads = measured.get();
                    } else {
                        generator.runFor(MEASURED);
                    }
                    probing.join();
                    long lagAfter = lag.now();
                    double achieved = generator.achievedRate();
                    // One checkpoint's worth of events is always uncommitted; more than that left over means falling behind.
                    boolean held = lagAfter <= lagBefore + (long) (rate * CHECKPOINTS.toSeconds() * 1.5)
                            && achieved >= rate * 0.95;
                    if (held) {
                        highestHeld = rate;
                    }
                    String r = String.format("%,d/s", rate);
                    result.add(r + ": produced rate", achieved, "ev/s");
                    result.add(r + ": consumer lag before measured part", lagBefore, "events");
                    result.add(r + ": consumer lag after measured part", lagAfter, "events");
                    result.add(r + ": lag held", held ? 1 : 0, "bool");
                    probes.report(result, r);
                    if (reads != null) {
                        result.add(r + ": recommendations p50 while streaming", reads.p50Millis(), "ms");
                        result.add(r + ": recommendations p99 while streaming", reads.p99Millis(), "ms");
                        result.add(r + ": recommendations p99 streaming / no stream", reads.p99Millis() / idle.p99Millis(),
                                "ratio");
                        result.add(r + ": recommendations errors while streaming", reads.errors(), "count");
                    }
                    if (!held) {
                        log.printf("The job fell behind at %,d events/s; higher rates are not tried.%n", rate);
                        break;
                    }
                }
                result.addWithGoal("highest rate with the lag held", highestHeld, "ev/s", ">= " + GOAL_RATE,
                        highestHeld >= GOAL_RATE);
                result.add("highest rate held / goal", (double) highestHeld / GOAL_RATE, "ratio");
            }
        }
        return result;
    }

    /** The recommendations endpoint at 200 req/s over the real users: 5 s warm-up, then the measured part. */
    private static OpenLoopLoad.Measured reads(String base, String key, List<String> users, String name)
            throws InterruptedException {
        return OpenLoopLoad.http(base, key, 16).run(name,
                n -> "/v1/users/" + users.get((int) (n % users.size())) + "/recommendations?k=10&model=EASE",
                n -> "/v1/users/" + users.get((int) (n % users.size())) + "/recommendations?k=10",
                200, Duration.ofSeconds(5), MEASURED.minusSeconds(5));
    }

    /** Items by buyers, most bought first: the stream's item mix leans to them as real traffic does. */
    private static List<String> items(RetrainPipeline.Result retrained, EmbeddedHdfs hdfs) throws java.io.IOException {
        List<ItemStat> stats = new ArrayList<>();
        org.apache.hadoop.fs.Path version = new org.apache.hadoop.fs.Path(retrained.versionUri());
        new JsonLinesReader(version.getFileSystem(hdfs.configuration()), version, retrained.version())
                .read("items.jsonl", ItemStat.class, stats::add);
        return stats.stream().sorted((a, b) -> Integer.compare(b.buyers(), a.buyers())).map(ItemStat::itemId).toList();
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // As the API produces: acknowledged by every in-sync replica, no duplicates from retries.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Produces behaviour events at a fixed rate: views mostly, some carts, favourites and purchases. */
    private static final class Generator {
        private static final EventType[] MIX = {EventType.VIEW, EventType.VIEW, EventType.VIEW, EventType.VIEW,
                EventType.VIEW, EventType.VIEW, EventType.VIEW, EventType.CART, EventType.FAV, EventType.BUY};
        private final KafkaProducer<byte[], byte[]> producer;
        private final List<String> users;
        private final List<String> countries;
        private final List<String> items;
        private final int rate;
        private final SplittableRandom random;
        private long sent;
        private double seconds;

        Generator(KafkaProducer<byte[], byte[]> producer, List<String> users, List<String> countries, List<String> items,
                  int rate, int seed) {
            this.producer = producer;
            this.users = users;
            this.countries = countries;
            this.items = items;
            this.rate = rate;
            this.random = new SplittableRandom(seed);
        }

        /** Sends in 10 ms ticks, catching up after a slow tick, so the rate is what was asked for. */
        void runFor(Duration duration) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long count = 0;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                for (; count < due; count++) {
                    send();
                }
                Thread.sleep(10);
            }
            producer.flush();
            sent = count;
            seconds = (System.nanoTime() - start) / 1e9;
        }

        double achievedRate() {
            return sent / seconds;
        }

        private void send() {
            int u = random.nextInt(users.size());
            String user = users.get(u);
            // Skewed to popular items: the square of a uniform draw favours the head of the list.
            double draw = random.nextDouble();
            String item = items.get((int) (draw * draw * items.size()));
            EventType type = MIX[random.nextInt(MIX.length)];
            long now = System.currentTimeMillis();
            BehaviourEvent e = new BehaviourEvent("bench-" + now + "-" + random.nextLong(), user, item, type, now, 1,
                    type == EventType.BUY ? 2.5 : null, type == EventType.BUY ? "GBP" : null, countries.get(u), null, null, null, "bench");
            producer.send(new ProducerRecord<>(SpeedLayerSettings.DEFAULT_EVENTS_TOPIC,
                    user.getBytes(StandardCharsets.UTF_8), EventJson.toWire(e)));
        }
    }

    /** Freshness probes: one new user's event, then the recommendations endpoint polled until it shows. */
    private static final class Probes {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final KafkaProducer<byte[], byte[]> producer;
        private final String base;
        private final String key;
        private final String item;
        private final String prefix;
        private final HttpClient http = HttpClient.newHttpClient();
        private final List<Long> millis = new ArrayList<>();
        private int timeouts;

        Probes(KafkaProducer<byte[], byte[]> producer, String base, String key, String item, String prefix) {
            this.producer = producer;
            this.base = base;
            this.key = key;
            this.item = item;
            this.prefix = prefix;
        }

        Thread start(Duration duration) {
            Thread t = new Thread(() -> {
                long end = System.nanoTime() + duration.toNanos();
                for (int n = 0; System.nanoTime() < end; n++) {
                    try {
                        probe(prefix + n);
                        Thread.sleep(PROBE_EVERY.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        timeouts++;
                    }
                }
            }, "bench-probes");
            t.start();
            return t;
        }

        private void probe(String user) throws Exception {
            long now = System.currentTimeMillis();
            BehaviourEvent e = new BehaviourEvent("probe-" + user, user, item, EventType.CART, now, 1, null, null, null,
                    null, null, null, "bench-probe");
            producer.send(new ProducerRecord<>(SpeedLayerSettings.DEFAULT_EVENTS_TOPIC,
                    user.getBytes(StandardCharsets.UTF_8), EventJson.toWire(e))).get(10, TimeUnit.SECONDS);
            long acked = System.nanoTime();
            long giveUp = acked + PROBE_GIVES_UP.toNanos();
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/v1/users/" + user + "/recommendations?k=10"))
                    .header("X-Api-Key", key).build();
            while (System.nanoTime() < giveUp) {
                JsonNode answer = JSON.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode i : answer.path("items")) {
                    if ("realtime".equals(i.path("source").asText())) {
                        millis.add((System.nanoTime() - acked) / 1_000_000);
                        return;
                    }
                }
                Thread.sleep(5);
            }
            timeouts++;
        }

        void report(BenchResult result, String rate) {
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            result.add(rate + ": freshness probes", sorted.length, "count");
            if (sorted.length > 0) {
                result.add(rate + ": freshness p50", sorted[(int) (0.50 * (sorted.length - 1))], "ms");
                result.add(rate + ": freshness p95", sorted[(int) (0.95 * (sorted.length - 1))], "ms");
                double p99 = sorted[(int) (0.99 * (sorted.length - 1))];
                result.addWithGoal(rate + ": freshness p99", p99, "ms", "<= 1000", p99 <= 1000 && timeouts == 0);
                result.add(rate + ": freshness p99 / goal", p99 / 1000, "ratio");
            }
            result.add(rate + ": probes not visible within " + PROBE_GIVES_UP.toSeconds() + " s", timeouts, "count");
            result.note(rate + ".freshnessMillis", Arrays.toString(sorted));
        }
    }
}
