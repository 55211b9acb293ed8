package io.tradewind.infra.bench;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code ./tradewind bench serve}: the API under a fixed request rate on this machine, with HBase, Elasticsearch
 * and the load generator on the same two cores. Online Retail is imported and retrained first, so users, items and
 * queries are real. Goals (issue 3): recommendations p99 <= 10 ms at 1,000 req/s, search p99 <= 50 ms at
 * 200 req/s, no errors.
 */
public final class ServeBenchmark {
    static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    /** Search terms a gift-shop customer types, with plurals and typos on purpose. */
    private static final List<String> QUERIES = List.of("candle holders", "hart", "heart", "lunch bag", "christmas",
            "vintage doily", "cake stand", "tea set", "bunting", "jumbo bag red", "hot water bottle", "lantern",
            "mug", "paper chain kit", "doormat", "wall clock", "glass jar", "retrospot", "alarm clock", "tins");

    private final Path data;
    private final Path work;
    private final ProgressListener progress;

    public ServeBenchmark(Path data, Path work, ProgressListener progress) {
        this.data = data;
        this.work = work;
        this.progress = progress;
    }

    public BenchResult run(PrintStream log) throws Exception {
        BenchResult result = new BenchResult("serve");
        Files.createDirectories(work);
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.start(work.resolve("hdfs").toFile(), true);
             EmbeddedServingStores stores = EmbeddedServingStores.start(work.resolve("stores"), log)) {
            String events = hdfs.uri() + "/bench/events";
            String views = hdfs.uri() + "/bench/views";
            log.println("Importing and retraining Online Retail (real users, items and lists to serve) ...");
            new EventImporter(hdfs.configuration()).run(ImportRequest.of("online-retail", data.toString(), events)
                    .withProgress(progress));
            RetrainPipeline.Result retrained = new RetrainPipeline(hdfs.configuration(), progress)
                    .run(RetrainOptions.defaults(events, views, AS_OF));
            Path keysFile = work.resolve("api-keys.json");
            Files.deleteIfExists(keysFile);
            String key = ApiKeyStore.open(keysFile).create("bench", Role.SHOP);
            ServingConfig config = ServingConfig.of(stores.hbase().configuration(), hdfs.configuration(),
                    stores.elasticsearch().uri(), events, keysFile).withPort(0);
            try (ServingLayer layer = ServingLayer.open(config, progress)) {
                layer.publisher().publish(views, Optional.empty());
                String base = "http://127.0.0.1:" + layer.startApi().port();
                List<String> users = users(retrained.portraits());
                result.note("users", users.size()).note("queries", QUERIES.size())
                        .note("version", retrained.version()).note("warmUpSeconds", WARM_UP.toSeconds())
                        .note("measuredSeconds", MEASURED.toSeconds());

                OpenLoopLoad load = new OpenLoopLoad(key);
                log.println("Recommendations at 1,000 req/s ...");
                OpenLoopLoad.Measured recs = load.run("recommendations",
                        i -> base + "/v1/users/" + users.get((int) (i % users.size())) + "/recommendations?k=10",
                        1_000, WARM_UP, MEASURED);
                log.println("Search at 200 req/s ...");
                OpenLoopLoad.Measured search = load.run("search",
                        i -> base + "/v1/search?size=20&q=" + URLEncoder.encode(QUERIES.get((int) (i % QUERIES.size())),
                                StandardCharsets.UTF_8) + (i % 2 == 0 ? "&user=" + users.get((int) (i % users.size())) : ""),
                        200, WARM_UP, MEASURED);
                report(result, recs, 10.0);
                report(result, search, 50.0);
            }
        }
        return result;
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
        if (m.firstError() != null) {
            result.note(n + ".firstError", m.firstError());
        }
    }
}
