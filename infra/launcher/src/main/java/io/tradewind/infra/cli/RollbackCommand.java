package io.tradewind.infra.cli;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.publish.Publisher;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Serve the previously active batch-view version again (HBase registry and catalogue alias).")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() throws Exception {
        ServingConfig config = ServingConfig.from(stores.resolve(), "rollback", false, new Configuration(), null);
        try (ServingLayer layer = ServingLayer.open(config, ProgressListener.NONE)) {
            Publisher.RolledBack r = layer.publisher().rollback();
            System.out.printf("Rolled back from %s to %s (catalogue index %s); running APIs follow within a second.%n",
                    r.from(), r.to(), r.catalogueIndex());
        }
        return 0;
    }
}
