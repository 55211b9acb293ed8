package io.tradewind.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.batch.retrain.TimeArgument;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.batch.retrain.RetrainSummary;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.core.eval.EvaluationReport;
import io.tradewind.core.eval.OrtEvaluation;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.infra.demo.DemoSlices;
import io.tradewind.infra.demo.EventReplay;
import io.tradewind.infra.demo.LiveReplay;
import io.tradewind.infra.demo.ReplaySlice;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.ConsumerLag;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.infra.serve.ServingSession;
import io.tradewind.infra.serve.SpeedLayerRunner;
import io.tradewind.infra.serve.StoreEndpoints;
import io.tradewind.serving.events.EventIntake;
import io.tradewind.serving.events.KafkaEventSink;
import io.tradewind.speed.SpeedLayerSettings;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the platform on this machine: start a real HDFS embedded, import Online Retail up to the cut, "
                + "retrain as of the cut, evaluate against the peers, show the report, portraits and lists; then start "
                + "HBase, Kafka and Elasticsearch, publish the views, serve the API and page, run the speed layer, replay "
                + "the held-back Online Retail events and the start of the Taobao stream through Kafka while showing "
                + "shoppers' lists before and after, and serve until Ctrl+C.")
final class DemoCommand implements Callable<Integer> {
    private static final int EXAMPLE_ITEMS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--input", description = "Online Retail CSV (default: ../shared/data/"
            + SharedFiles.ONLINE_RETAIL + " beside the repository).")
    Path input;

    @Option(names = "--work-dir", description = "Where the demo keeps HDFS blocks, the report and the evaluation "
            + "(default: target/demo in the repository).")
    Path workDir;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the API and page on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-serve", description = "Stop after publishing and printing the calls instead of serving until "
            + "Ctrl+C: no speed layer and no replay (the held-back events stay out of the master data set).")
    boolean noServe;

    // 2011-12-01 holds back the last 8 trading days (about 17,600 events, 35 s of replay at 500 events/s): short
    // enough to watch, while the batch still learns from the 12 months before, busy November included.
    @Option(names = "--cut", defaultValue = "2011-12-01", converter = TimeArgument.class,
            description = "Online Retail events from this time on are held back from the import and the retrain "
                    + "(which runs as of the cut) and replayed through Kafka once the speed layer runs (default "
                    + "${DEFAULT-VALUE}).")
    Instant cut;

    @Option(names = "--replay-rate", defaultValue = "500",
            description = "Events per second the replay sends (default ${DEFAULT-VALUE}).")
    double replayRate;

    @Option(names = "--taobao-input", description = "Taobao UserBehavior CSV whose stream is replayed after Online Retail "
            + "(default: ../shared/data/" + SharedFiles.TAOBAO + " beside the repository, skipped when absent).")
    Path taobaoInput;

    @Option(names = "--taobao-minutes", defaultValue = "10",
            description = "Minutes of the Taobao stream to replay, from its start (default ${DEFAULT-VALUE}; 0: none; "
                    + "the sample spans 131).")
    int taobaoMinutes;

    @Override
    public Integer call() throws Exception {
        if (!(replayRate > 0) || taobaoMinutes < 0) {
            throw new ParameterException(spec.commandLine(), "--replay-rate must be positive and --taobao-minutes at "
                    + "least 0, got " + replayRate + " and " + taobaoMinutes);
        }
        PrintStream out = System.out;
        Path data = SharedFiles.onlineRetail(input);
        Optional<Path> taobao = SharedFiles.taobao(taobaoInput);
        Path work = (workDir != null ? workDir : SharedFiles.home().resolve("target").resolve("demo"))
                .toAbsolutePath().normalize();
        Files.createDirectories(work);
        ConsoleProgress progress = new ConsoleProgress();

        out.println("Starting embedded HDFS (real NameNode + DataNode on 127.0.0.1) ...");
        EmbeddedHdfs hdfs = EmbeddedHdfs.start(work.resolve("hdfs").toFile(), true);
        try {
            String events = hdfs.uri() + "/tradewind/events";
            String views = hdfs.uri() + "/tradewind/views";
            out.println("HDFS at " + hdfs.uri());

            ImportSummary imported = new EventImporter(hdfs.configuration()).run(ImportRequest.of("online-retail",
                    data.toString(), events).withEventsBefore(cut).withProgress(progress));
            out.print(imported.describe());

            Instant asOf = retrainTime(cut, events, hdfs);
            RetrainPipeline.Result retrained = new RetrainPipeline(hdfs.configuration(), progress)
                    .run(RetrainOptions.defaults(events, views, asOf));
            RetrainSummary.print(retrained, out);

            Path report = work.resolve("report-" + retrained.version() + ".html");
            copyToLocal(hdfs, retrained.versionUri() + "/" + RetrainPipeline.REPORT, report);
            List<Portrait> examples = examplePortraits(retrained.portraits());
            printExamples(examples, readLists(hdfs, retrained.versionUri(), examples), out);

            Path evaluation = work.resolve("evaluation-or-t.json");
            EvaluationReport evaluated = OrtEvaluation.runAndWrite(data, evaluation,
                    OrtEvaluation.Options.defaults().withQuick(true), progress);
            EvaluateCommand.print(evaluated, PeerResults.read(SharedFiles.peers()), out);
            out.println();
            out.println("Evaluation (OR-T protocol, quick grid; full grid: ./tradewind evaluate): " + evaluation.toUri());
            out.println("Report: " + report.toUri());

            serve(hdfs, views, events, work, examples, new DemoReplays(data, taobao, retrained.portraits()), progress,
                    out);
        } finally {
            if (noServe) {
                hdfs.close();
            }
        }
        return 0;
    }

    /** Starts HBase, Kafka and Elasticsearch, publishes the new version, and serves the API, page and speed layer. */
    private void serve(EmbeddedHdfs hdfs, String views, String events, Path work, List<Portrait> examples,
                       DemoReplays replays, ConsoleProgress progress, PrintStream out) throws Exception {
        out.println();
        EmbeddedServingStores stores = EmbeddedServingStores.start(work.resolve("stores"), out);
        ServingSession session;
        Path keys = work.resolve("api-keys.json");
        Files.deleteIfExists(keys); // a fresh demo prints fresh keys
        List<String> newKeys = ServingSession.ensureKeys(keys);
        StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), views, events);
        try {
            PlatformConfig platform = endpoints.applyTo(PlatformConfig.fromEnvironment(System.getenv()))
                    .with(PlatformKeys.API_PORT, Integer.toString(port), "--port")
                    .with(PlatformKeys.API_KEYS_FILE, keys.toString(), "the demo");
            session = ServingSession.start(platform, hdfs.configuration(), views, keys, ConfigFiles.runningStack(),
                    progress, out);
        } catch (RuntimeException | java.io.IOException e) {
            stores.close();
            throw e;
        }
        List<String> users = examples.stream().map(Portrait::userId).toList();
        // The most bought item overall: one whose "similar items" are worth a look.
        String item = session.layer().store().popularityTables(session.layer().registry().activeVersion().orElseThrow())
                .stream().filter(t -> PopularityView.GLOBAL.equals(t.scope()) && !t.items().isEmpty())
                .map(t -> t.items().get(0).item()).findFirst().orElse(null);
        session.printHowToUse(newKeys, keys, users, item, out);
        if (noServe) {
            session.close();
            stores.close();
            return;
        }
        SpeedLayerRunner speed = SpeedLayerRunner.start(endpoints, hdfs.configuration(), out);
        replays.run(stores.kafka().bootstrapServers(), session.baseUrl(), newKeys.get(0), hdfs.configuration(), progress,
                out);
        session.serveUntilStopped(out, speed, session, stores, hdfs);
    }

    /**
     * The cut, so the batch knows nothing the replay will tell the speed layer; but no later than the day after the
     * newest imported event, so a cut past the data does not age every shopper.
     */
    private static Instant retrainTime(Instant cut, String events, EmbeddedHdfs hdfs) throws java.io.IOException {
        List<LocalDate> partitions = MasterDatasetReader.at(events, hdfs.configuration()).partitions();
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("the import wrote no events: is --input an Online Retail export? "
                    + "See the counts per reason above and the rejects file under " + events + "/_rejects");
        }
        Instant dayAfterLast = partitions.get(partitions.size() - 1).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return cut.isBefore(dayAfterLast) ? cut : dayAfterLast;
    }

    /** The two replays once the speed layer runs: Online Retail's held-back events, then the Taobao stream's start. */
    private final class DemoReplays {
        private final Path onlineRetail;
        private final Optional<Path> taobao;
        private final Set<String> knownShoppers;

        DemoReplays(Path onlineRetail, Optional<Path> taobao, List<Portrait> portraits) {
            this.onlineRetail = onlineRetail;
            this.taobao = taobao;
            this.knownShoppers = portraits.stream().filter(p -> !p.isNewUser()).map(Portrait::userId)
                    .collect(Collectors.toSet());
        }

        void run(String kafka, String baseUrl, String shopKey, org.apache.hadoop.conf.Configuration conf,
                 ConsoleProgress progress, PrintStream out) throws InterruptedException {
            out.println();
            out.println("Reading the events to replay ...");
            ReplaySlice heldBack = DemoSlices.onlineRetailFrom(onlineRetail, cut, conf);
            ReplaySlice stream = taobao.filter(f -> taobaoMinutes > 0)
                    .map(f -> DemoSlices.taobaoStart(f, Duration.ofMinutes(taobaoMinutes), conf))
                    .orElse(new ReplaySlice("the Taobao stream", List.of()));
            try (KafkaEventSink sink = new KafkaEventSink(EventIntake.of(kafka));
                    Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
                LiveReplay live = new LiveReplay(new EventReplay(sink, replayRate, progress), new ConsumerLag(admin,
                        SpeedLayerSettings.DEFAULT_EVENTS_TOPIC, SpeedLayerSettings.DEFAULT_CONSUMER_GROUP),
                        baseUrl, shopKey, out);
                live.run(heldBack, heldBack.mostActiveUsers(2, knownShoppers::contains));
                if (taobao.isEmpty()) {
                    out.println("The Taobao sample is not at ../shared/data/" + SharedFiles.TAOBAO
                            + "; its stream is skipped (pass --taobao-input FILE).");
                } else {
                    // A second shop: its shoppers are new to the batch views, so their lists are the speed layer's.
                    live.run(stream, stream.mostActiveUsers(1, user -> true));
                }
            }
        }
    }

    private static void copyToLocal(EmbeddedHdfs hdfs, String uri, Path target) throws java.io.IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = path.getFileSystem(hdfs.configuration());
        try (InputStream in = fs.open(path)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One buyer per segment, in segment-name order. */
    private static List<Portrait> examplePortraits(List<Portrait> portraits) {
        return portraits.stream().filter(p -> !p.isNewUser())
                .collect(Collectors.groupingBy(Portrait::segment, TreeMap::new, Collectors.toList()))
                .values().stream().map(members -> members.get(0)).toList();
    }

    /** The blend's "new to you" lists of the example users, with item titles, read back from the published views. */
    private static Map<String, List<String>> readLists(EmbeddedHdfs hdfs, String versionUri, List<Portrait> users)
            throws java.io.IOException {
        Map<String, String> titles = new HashMap<>();
        for (String line : readLines(hdfs, versionUri + "/items.jsonl")) {
            JsonNode item = JSON.readTree(line);
            titles.put(item.path("itemId").asText(), item.path("title").asText());
        }
        java.util.Set<String> wanted = users.stream().map(Portrait::userId).collect(Collectors.toSet());
        Map<String, List<String>> lists = new HashMap<>();
        for (String line : readLines(hdfs, versionUri + "/toplists/FreshBlend.jsonl")) {
            JsonNode row = JSON.readTree(line);
            if (wanted.contains(row.path("user").asText())) {
                List<String> items = new java.util.ArrayList<>();
                for (int i = 0; i < Math.min(EXAMPLE_ITEMS, row.path("fresh").size()); i++) {
                    String id = row.path("fresh").get(i).path("item").asText();
                    items.add(id + " " + titles.getOrDefault(id, "?"));
                }
                lists.put(row.path("user").asText(), items);
            }
        }
        return lists;
    }

    private static List<String> readLines(EmbeddedHdfs hdfs, String uri) throws java.io.IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (InputStream in = path.getFileSystem(hdfs.configuration()).open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void printExamples(List<Portrait> examples, Map<String, List<String>> lists, PrintStream out) {
        out.println();
        out.println("Example portraits and their recommendations (FreshBlend, items new to the user):");
        for (Portrait p : examples) {
            out.printf("  user %s: %s, %s, last purchase %.0f days ago, %d purchases, %.0f GBP, peak %s %02dh, likes %s%n",
                    p.userId(), p.segment(), p.habits().country(), p.rfm().recencyDays(), p.rfm().frequency(),
                    p.rfm().monetary(), p.habits().peakWeekday(), p.habits().peakHour(), p.habits().topWords());
            lists.getOrDefault(p.userId(), List.of()).forEach(item -> out.println("      " + item));
        }
    }
}
