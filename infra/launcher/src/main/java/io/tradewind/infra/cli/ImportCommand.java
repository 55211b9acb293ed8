package io.tradewind.infra.cli;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.batch.retrain.TimeArgument;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV export into the master data set (Parquet, partitioned by event date; re-imports "
                + "add nothing twice). Rejected rows go to a rejects file with line number and reason.")
final class ImportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true,
            description = "Built-in mapping (online-retail, taobao) or the path of a mapping .json file for a new source.")
    String source;

    @Option(names = "--input", required = true, description = "CSV file (local path or Hadoop URI; .gz is read as gzip).")
    String input;

    @Option(names = "--to", paramLabel = "URI", description = "Master data set URI, hdfs://… or file://… (default: the "
            + "configuration's storage.master-dataset).")
    String target;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file (docs/configuration.md; default: the file $TRADEWIND_CONFIG "
                    + "names): storage.master-dataset stands in for --to, hadoop.conf.* are Hadoop client settings.")
    Path config;

    @Option(names = "--rejects", description = "Where to write rejected rows (default: <to>/_rejects/<import-id>.csv).")
    String rejects;

    @Option(names = "--warn-rejected-share", defaultValue = "0.05",
            description = "Warn loudly when more than this share (0..1) of the rows is rejected (default: ${DEFAULT-VALUE}).")
    double warnRejectedShare;

    @Option(names = "--before", converter = TimeArgument.class,
            description = "Import only events dated before this time (2011-12-01, 2011-12-01T12:00:00 or an instant); "
                    + "later ones are counted as skipped (held back), and a later import without it adds them.")
    Instant before;

    @Override
    public Integer call() throws IOException {
        if (!(warnRejectedShare >= 0 && warnRejectedShare <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warn-rejected-share must be between 0 and 1, got " + warnRejectedShare);
        }
        PlatformConfig platform;
        String to;
        try {
            platform = PlatformConfig.forProcess(config, System.getenv());
            to = target != null ? target : platform.required(PlatformKeys.STORAGE_MASTER_DATASET, "import (or pass --to)");
        } catch (IllegalArgumentException badConfiguration) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), badConfiguration.getMessage());
        }
        Configuration hadoop = new Configuration();
        platform.passThrough(PlatformKeys.HADOOP_CONF).forEach(hadoop::set);
        ImportRequest request = ImportRequest.of(source, input, to).withProgress(new ConsoleProgress());
        if (rejects != null) {
            request = request.withRejectsFile(rejects);
        }
        if (before != null) {
            request = request.withEventsBefore(before);
        }
        ImportSummary summary = new EventImporter(hadoop).run(request);
        System.out.print(summary.describe());
        summary.rejectedShareWarning(warnRejectedShare).ifPresent(System.err::println);
        return 0;
    }
}
