package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.admin.CategorySync;
import io.tradewind.serving.publish.Publisher;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

// Not mixinStandardHelpOptions: its -V/--version would clash with --version below, and picocli then drops the
// whole mixin, --help included.
@Command(name = "publish",
        description = "Load a batch-view version into HBase and Elasticsearch beside the one serving, then switch both "
                + "to it. A failed load leaves the active version serving.")
final class PublishCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--views", description = "Batch-views root URI (default: the configuration's storage.views).")
    String views;

    @Option(names = "--version", description = "Version to publish (default: the one the views root's CURRENT names).")
    String version;

    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() throws Exception {
        PlatformConfig platform = stores.resolve();
        String root = views != null ? views : platform.text(PlatformKeys.STORAGE_VIEWS).orElseThrow(() ->
                new IllegalArgumentException("pass --views URI (the batch-views root retrain wrote) or set storage.views"));
        ServingConfig config = ServingConfig.from(platform, "publish", false, new Configuration(), null);
        try (ServingLayer layer = ServingLayer.open(config, new ConsoleProgress())) {
            Publisher.Published p = layer.publisher().publish(root, Optional.ofNullable(version));
            if (p.alreadyServing()) {
                System.out.printf("Version %s is already serving (HBase registry and catalogue alias): nothing to do%n",
                        p.version());
                return 0;
            }
            CategorySync.Synced categories = layer.categorySync().apply();
            System.out.printf("Published %s (was %s): %,d rows into HBase in %.1f s; %,d products into Elasticsearch "
                            + "index %s; %d items re-categorised%n", p.version(), p.previous().orElse("nothing"),
                    p.load().totalRows(), p.load().millis() / 1000.0, p.catalogue().items(), p.catalogue().index(),
                    categories.changed());
            if (!p.droppedVersions().isEmpty()) {
                System.out.println("Retention dropped versions " + p.droppedVersions());
            }
        }
        return 0;
    }
}
