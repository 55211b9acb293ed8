package io.tradewind.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.catalogue.CatalogueIndex;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * {@code ./tradewind bench serve}: the API under a fixed request rate on this machine, with HBase, Elasticsearch
 * and the load generator on the same two cores. Online Retail is imported and retrained first, so users, items and
 * queries are real. Goals (issue 3): recommendations p99 <= 10 ms at 1,000 req/s, search p99 <= 50 ms at
 * 200 req/s, no errors.
 */
public final class ServeBenchmark {
    /**
     * Long enough for the three JVMs' JIT compilers to settle (vmstat: CPU at 80-95 % for 10-20 s after the API
     * starts, 5-15 % after); the warm-up asks with another model, so first visits of users stay in the measured part.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    /** Kept-alive connections of the load generator; a request waits (and counts the wait) when all are busy. */
    private static final int CONNECTIONS = 32;
    /** Search terms a gift-shop customer types, with plurals and typos on purpose. */
    private static final List<String> QUERIES = List.of("candle holders", "hart", "heart", "lunch bag", "christmas",
            "vintage doily", "cake stand", "tea set", "bunting", "jumbo bag red", "hot water bottle", "lantern",
            "mug", "paper chain kit", "doormat", "wall clock", "glass jar", "retrospot", "alarm clock", "tins");

    private final Path data;
    private final Path work;
    private final ProgressListener progress;
    private final List<String> apiJvm;

    /** @param apiJvm the API process's JVM options (heap, collector) */
    public ServeBenchmark(Path data, Path work, List<String> apiJvm, ProgressListener progress) {
        this.data = data;
        this.work = work;
        this.apiJvm = List.copyOf(apiJvm);
        this.progress = progress;
    }

    public BenchResult run(PrintStream log) throws Exception {
        BenchResult result = new BenchResult("serve");
        Files.createDirectories(work);
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.start(work.resolve("hdfs").toFile(), true);
             EmbeddedServingStores stores = EmbeddedServingStores.start(work.resolve("stores"), log)) {
            BenchShop shop = BenchShop.prepare(hdfs, data, progress, log);
            String events = shop.eventsUri();
            String views = shop.viewsUri();
            RetrainPipeline.Result retrained = shop.retrained();
            Path keysFile = work.resolve("target").resolve("serving").resolve("api-keys.json");
            Files.createDirectories(keysFile.getParent());
            Files.deleteIfExists(keysFile);
            String key = ApiKeyStore.open(keysFile).create("bench", Role.SHOP);
            ServingConfig config = ServingConfig.of(stores.hbase().configuration(), hdfs.configuration(),
                    stores.elasticsearch().uri(), null, keysFile).withPort(0);
            try (ServingLayer layer = ServingLayer.open(config, progress)) {
                layer.publisher().publish(views, Optional.empty());
            }
            List<String> users = users(retrained.portraits());
            result.note("users", users.size()).note("queries", QUERIES.size())
                    .note("version", retrained.version()).note("warmUpSeconds", WARM_UP.toSeconds())
                    .note("measuredSeconds", MEASURED.toSeconds()).note("apiJvm", String.join(" ", apiJvm));
            log.println("Starting the API in its own JVM (" + String.join(" ", apiJvm) + ") ...");
            try (ApiProcess api = ApiProcess.start(stores.endpoints(hdfs.uri(), views, events), freePort(),
                    apiJvm, work)) {
                String base = api.baseUrl();
                OpenLoopLoad load = new OpenLoopLoad(base, key, CONNECTIONS);
                // The import and retrain ran in this JVM, which also runs HBase and the generator: collect their
                // garbage now rather than mid-measurement.
                System.gc();
                log.println("Recommendations at 1,000 req/s ...");
                // Warm-up: every user with another model, so the code paths are warm as in a long-running API, while
                // the default model's entries stay cold: each user's first measured visit misses the user cache,
                // later visits hit. (Their HBase rows are warm in HBase's block cache too; after a real flip the new
                // version's cells may not be.)
                String warmUpModel = retrained.manifest().models().stream().map(m -> m.name())
                        .filter(m -> !m.equals(ServingConfig.DEFAULT_MODEL)).findFirst().orElseThrow();
                long[] before = cacheCounts(base);
                OpenLoopLoad.Measured recs = load.run("recommendations",
                        i -> "/v1/users/" + users.get((int) (i % users.size())) + "/recommendations?k=10&model="
                                + warmUpModel,
                        i -> "/v1/users/" + users.get((int) (i % users.size())) + "/recommendations?k=10",
                        1_000, WARM_UP, MEASURED);
                long[] after = cacheCounts(base);
                log.println("Search at 200 req/s ...");
                LongFunction<String> searches = searches(users, 20);
                // Warm-up searches ask for another page size, so no measured search is answered from an entry the
                // warm-up put in Elasticsearch's request cache (which keeps unpersonalised searches only).
                LongFunction<String> warmUpSearches = searches(users, 10);
                long[] esCacheBefore = requestCacheCounts(stores.elasticsearch().uri());
                OpenLoopLoad.Measured search = load.run("search", warmUpSearches, searches, 200, WARM_UP, MEASURED);
                long[] esCacheAfter = requestCacheCounts(stores.elasticsearch().uri());
                report(result, recs, 10.0);
                double hits = after[0] - before[0];
                double misses = after[1] - before[1];
                result.note("itemCacheMissesWarmUpAndMeasured", after[3] - before[3]);
                result.add("recommendations: user cache hit ratio (warm-up + measured)", hits / Math.max(1, hits + misses),
                        "ratio");
                report(result, search, 50.0);
                double esHits = esCacheAfter[0] - esCacheBefore[0];
                double esMisses = esCacheAfter[1] - esCacheBefore[1];
                result.add("search: request cache hit ratio of unpersonalised searches",
                        esHits / Math.max(1, esHits + esMisses), "ratio");
            }
        }
        return result;
    }

    /** The i-th search: 20 queries in turn, every other one personalised for a user. */
    private static LongFunction<String> searches(List<String> users, int size) {
        return i -> "/v1/search?size=" + size + "&q=" + URLEncoder.encode(QUERIES.get((int) (i % QUERIES.size())),
                StandardCharsets.UTF_8) + (i % 2 == 0 ? "&user=" + users.get((int) (i % users.size())) : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Hits and misses of Elasticsearch's shard request cache so far, from its index statistics. */
    private static long[] requestCacheCounts(String elasticsearch) throws Exception {
        String stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(elasticsearch + "/" + CatalogueIndex.DEFAULT_ALIAS + "/_stats/request_cache")).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode cache = new ObjectMapper().readTree(stats).path("_all").path("total").path("request_cache");
        return new long[] {cache.path("hit_count").asLong(), cache.path("miss_count").asLong()};
    }

    /** Hits and misses of the user cache so far, from the API's own /metrics. */
    private static long[] cacheCounts(String base) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new long[] {counter(metrics, "user-batch", "hit"), counter(metrics, "user-batch", "miss"),
                counter(metrics, "item", "hit"), counter(metrics, "item", "miss")};
    }

    private static long counter(String metrics, String cache, String result) {
        String prefix = "tradewind_cache_requests_total{cache=\"" + cache + "\",result=\"" + result + "\"} ";
        return metrics.lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(prefix.length()).trim())).findFirst().orElse(0);
    }

    /** Every buyer in a shuffled order, plus one unknown id in ten (cold start is part of real traffic). */
    private static List<String> users(List<Portrait> portraits) {
        List<String> out = new ArrayList<>();
        for (Portrait p : portraits) {
            out.add(p.userId());
        }
        int strangers = out.size() / 10;
        for (int i = 0; i < strangers; i++) {
            out.add("visitor-" + i);
        }
        Collections.shuffle(out, new Random(42));
        return out;
    }

    private static void report(BenchResult result, OpenLoopLoad.Measured m, double p99Goal) {
        String n = m.name();
        result.add(n + ": target rate", m.targetRate(), "req/s");
        result.add(n + ": achieved rate", m.achievedRate(), "req/s");
        result.add(n + ": p50", m.p50Millis(), "ms");
        result.add(n + ": p95", m.p95Millis(), "ms");
        result.addWithGoal(n + ": p99", m.p99Millis(), "ms", "<= " + (int) p99Goal, m.p99Millis() <= p99Goal);
        result.add(n + ": max", m.maxMillis(), "ms");
        result.addWithGoal(n + ": errors of " + m.requests(), m.errors(), "count", "0", m.errors() == 0);
        // When the slow requests happened: a stall shows as a burst, GC pauses as scattered seconds.
        result.note(n + ".slowerThanGoalPerSecond", Arrays.stream(m.slowerPerSecond(p99Goal))
                .mapToObj(String::valueOf).collect(Collectors.joining(" ")));
        if (m.firstError() != null) {
            result.note(n + ".firstError", m.firstError());
        }
    }
}
