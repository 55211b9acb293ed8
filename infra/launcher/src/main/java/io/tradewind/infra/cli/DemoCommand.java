package io.tradewind.infra.cli;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.batch.masterdata.MasterDatasetReader;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the platform on this machine: start a real HDFS embedded, import Online Retail, retrain, "
                + "evaluate against the peers, and show the report, portraits and lists.")
final class DemoCommand implements Callable<Integer> {
    static final String ONLINE_RETAIL = "online_retail.csv.gz";

    @Option(names = "--input", description = "Online Retail CSV (default: ../shared/data/" + ONLINE_RETAIL
            + " beside the repository).")
    Path input;

    @Option(names = "--work-dir", description = "Where the demo keeps HDFS blocks, the report and the evaluation "
            + "(default: target/demo in the repository).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path home = Path.of(System.getProperty("tradewind.home", "."));
        Path data = input != null ? input : home.resolve("..").resolve("shared").resolve("data").resolve(ONLINE_RETAIL);
        if (!Files.isReadable(data)) {
            throw new IllegalArgumentException("Online Retail not found at " + data.toAbsolutePath().normalize()
                    + ": pass the UCI Online Retail CSV with --input FILE (" + ONLINE_RETAIL + ", gzip or plain)");
        }
        Path work = (workDir != null ? workDir : home.resolve("target").resolve("demo")).toAbsolutePath().normalize();
        Files.createDirectories(work);
        ConsoleProgress progress = new ConsoleProgress();

        out.println("Starting embedded HDFS (real NameNode + DataNode on 127.0.0.1) ...");
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.start(work.resolve("hdfs").toFile(), true)) {
            String events = hdfs.uri() + "/tradewind/events";
            String views = hdfs.uri() + "/tradewind/views";
            out.println("HDFS at " + hdfs.uri());

            ImportSummary imported = new EventImporter(hdfs.configuration())
                    .run(ImportRequest.of("online-retail", data.toString(), events).withProgress(progress));
            out.print(imported.describe());

            Instant asOf = dayAfterLastEvent(events, hdfs);
            RetrainPipeline.Result retrained = new RetrainPipeline(hdfs.configuration(), progress)
                    .run(RetrainOptions.defaults(events, views, asOf));
            RetrainSummary.print(retrained, out);

            Path report = work.resolve("report-" + retrained.version() + ".html");
            copyToLocal(hdfs, retrained.versionUri() + "/" + RetrainPipeline.REPORT, report);
            out.println();
            out.println("Report: " + report.toUri());
            printExamplePortraits(retrained.portraits(), out);
        }
        return 0;
    }

    /** Retrain as of the day after the newest event, so the whole history counts. */
    private static Instant dayAfterLastEvent(String events, EmbeddedHdfs hdfs) throws java.io.IOException {
        List<LocalDate> partitions = MasterDatasetReader.at(events, hdfs.configuration()).partitions();
        LocalDate last = partitions.get(partitions.size() - 1);
        return last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static void copyToLocal(EmbeddedHdfs hdfs, String uri, Path target) throws java.io.IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = path.getFileSystem(hdfs.configuration());
        try (InputStream in = fs.open(path)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void printExamplePortraits(List<Portrait> portraits, PrintStream out) {
        out.println("Example portraits:");
        portraits.stream().filter(p -> !p.isNewUser())
                .collect(java.util.stream.Collectors.groupingBy(Portrait::segment))
                .forEach((segment, members) -> {
                    Portrait p = members.get(0);
                    out.printf("  user %s: %s, %s, last purchase %.0f days ago, %d purchases, %.0f GBP, peak %s %02dh, "
                                    + "likes %s%n", p.userId(), segment, p.habits().country(), p.rfm().recencyDays(),
                            p.rfm().frequency(), p.rfm().monetary(), p.habits().peakWeekday(), p.habits().peakHour(),
                            p.habits().topWords());
                });
    }
}
