package io.tradewind.infra.bench;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.core.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Online Retail imported into an embedded HDFS and retrained as of the day after its last invoice: the real users,
 * items and batch views the serving and streaming benchmarks run against.
 */
record BenchShop(String eventsUri, String viewsUri, RetrainPipeline.Result retrained) {
    static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");

    static BenchShop prepare(EmbeddedHdfs hdfs, Path data, ProgressListener progress, PrintStream log) throws Exception {
        String events = hdfs.uri() + "/bench/events";
        String views = hdfs.uri() + "/bench/views";
        log.println("Importing and retraining Online Retail (real users, items and views) ...");
        new EventImporter(hdfs.configuration()).run(ImportRequest.of("online-retail", data.toString(), events)
                .withProgress(progress));
        RetrainPipeline.Result retrained = new RetrainPipeline(hdfs.configuration(), progress)
                .run(RetrainOptions.defaults(events, views, AS_OF));
        return new BenchShop(events, views, retrained);
    }
}
