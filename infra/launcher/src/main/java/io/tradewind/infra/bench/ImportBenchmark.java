package io.tradewind.infra.bench;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code ./tradewind bench import}: the same Online Retail rows imported in date order, grouped by customer
 * (the shape of a session log) and shuffled, each into a fresh local master data set, each order twice. Goal: the shuffled import
 * costs at most 1.5x the date-ordered one, and every import writes one Parquet file per date partition.
 */
public final class ImportBenchmark {
    static final double GOAL_RATIO = 1.5;
    private static final int WARM_UP_ROWS = 50_000;

    private final Path data;
    private final Path work;
    private final int maxRows;
    private final ProgressListener progress;

    public ImportBenchmark(Path data, Path work, int maxRows, ProgressListener progress) {
        this.data = data;
        this.work = work;
        this.maxRows = maxRows;
        this.progress = progress;
    }

    public BenchResult run(PrintStream log) throws IOException {
        RowOrders orders = RowOrders.read(data, maxRows);
        log.printf("Writing %,d rows in %d orders ...%n", orders.size(), RowOrders.Order.values().length);
        BenchDirs.fresh(work);
        Map<RowOrders.Order, Path> inputs = new EnumMap<>(RowOrders.Order.class);
        for (RowOrders.Order order : RowOrders.Order.values()) {
            inputs.put(order, orders.write(order, work.resolve("input-" + order.name().toLowerCase() + ".csv")));
        }
        Path warmUp = RowOrders.read(data, WARM_UP_ROWS).write(RowOrders.Order.SHUFFLED, work.resolve("warm-up.csv"));
        importOnce(warmUp, "warm-up"); // JIT and class loading, so the first measured order is not penalised

        BenchResult result = new BenchResult("import");
        result.note("data", data.toString()).note("rows", orders.size())
                .note("target", "local file system (" + work.toAbsolutePath().normalize() + ")");
        // Each order twice, forwards then backwards, and the faster of its two counts: the first imports of a
        // JVM ran slower whatever their order (JIT, heap growth), which a single pass would charge to one order.
        Map<RowOrders.Order, ImportSummary> runs = new EnumMap<>(RowOrders.Order.class);
        List<RowOrders.Order> sequence = new ArrayList<>(List.of(RowOrders.Order.values()));
        List<RowOrders.Order> backwards = new ArrayList<>(sequence);
        Collections.reverse(backwards);
        sequence.addAll(backwards);
        int pass = 0;
        for (RowOrders.Order order : sequence) {
            ImportSummary summary = importOnce(inputs.get(order), order.name().toLowerCase() + "-" + (pass++));
            log.print(summary.describe());
            runs.merge(order, summary, (a, b) -> seconds(a) <= seconds(b) ? a : b);
        }
        double dateSeconds = seconds(runs.get(RowOrders.Order.DATE));
        for (RowOrders.Order order : RowOrders.Order.values()) {
            ImportSummary s = runs.get(order);
            String name = order.name().toLowerCase() + " order";
            result.add("import, " + name, seconds(s), "s");
            result.add("import, " + name + ": rows per second", s.read() / seconds(s), "rows/s");
            result.addWithGoal("import, " + name + ": Parquet files written", s.filesWritten().size(), "files",
                    "= partitions (" + s.partitionsWritten().size() + ")",
                    s.filesWritten().size() == s.partitionsWritten().size());
        }
        double userRatio = seconds(runs.get(RowOrders.Order.USER)) / dateSeconds;
        double shuffledRatio = seconds(runs.get(RowOrders.Order.SHUFFLED)) / dateSeconds;
        result.addWithGoal("user-ordered / date-ordered", userRatio, "ratio", "<= " + GOAL_RATIO, userRatio <= GOAL_RATIO);
        result.addWithGoal("shuffled / date-ordered", shuffledRatio, "ratio", "<= " + GOAL_RATIO,
                shuffledRatio <= GOAL_RATIO);
        result.note("written", runs.get(RowOrders.Order.DATE).written());
        return result;
    }

    private ImportSummary importOnce(Path input, String name) {
        String target = work.resolve("master-" + name).toString();
        return new EventImporter(new Configuration())
                .run(ImportRequest.of("online-retail", input.toString(), target).withProgress(progress));
    }

    private static double seconds(ImportSummary summary) {
        return summary.duration().toNanos() / 1e9;
    }
}
