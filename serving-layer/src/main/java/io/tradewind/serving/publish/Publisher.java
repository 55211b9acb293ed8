package io.tradewind.serving.publish;

import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.catalogue.CatalogueBuild;
import io.tradewind.serving.catalogue.CatalogueIndex;
import io.tradewind.serving.catalogue.CatalogueIndexInfo;
import io.tradewind.serving.store.BatchViewLoader;
import io.tradewind.serving.store.LoadSummary;
import io.tradewind.serving.store.ModelRegistry;
import io.tradewind.serving.store.VersionState;
import io.tradewind.serving.store.VersionInfo;
import io.tradewind.serving.store.VersionStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a batch-view version into service: load it into HBase beside the active version, build its catalogue
 * index beside the live one, then switch. Each store switches in one atomic step (the registry's active row, the
 * catalogue alias); the catalogue goes first and is switched back if the registry refuses, so a failure anywhere
 * leaves the previous version serving in both.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /**
     * What a publish did. {@code retentionError} is set when the switch succeeded but clearing old versions failed
     * (the next publish retries it). When {@code alreadyServing}, the version was serving in both stores and
     * nothing was done: {@code load} and {@code catalogue} are null.
     */
    public record Published(String version, Optional<String> previous, LoadSummary load, CatalogueBuild catalogue,
                            List<String> droppedVersions, String retentionError, boolean alreadyServing) {

        static Published nothingToDo(String version) {
            return new Published(version, Optional.of(version), null, null, List.of(), null, true);
        }
    }

    /** What a rollback did. */
    public record RolledBack(String from, String to, String catalogueIndex) {
    }

    private final BatchViewLoader loader;
    private final ModelRegistry registry;
    private final CatalogueIndex catalogue;
    private final Configuration hadoopConf;
    private final ProgressListener progress;

    public Publisher(BatchViewLoader loader, ModelRegistry registry, CatalogueIndex catalogue, Configuration hadoopConf,
                     ProgressListener progress) {
        this.loader = loader;
        this.registry = registry;
        this.catalogue = catalogue;
        this.hadoopConf = hadoopConf;
        this.progress = progress;
    }

    /**
     * Publishes {@code version}, or the version the views root's CURRENT points at when empty. A version already
     * serving in both stores is left as it is ({@link Published#alreadyServing()}).
     */
    public Published publish(String viewsRootUri, Optional<String> version) throws IOException {
        ViewStore views = new ViewStore(viewsRootUri, hadoopConf);
        String target = version.isPresent() ? version.get() : views.current().orElseThrow(() -> new IOException(
                "no version published under " + viewsRootUri + " (no " + ViewStore.CURRENT + "): run ./tradewind retrain first"));
        if (!views.versions().contains(target)) {
            throw new IOException("no complete version " + target + " under " + viewsRootUri + "; complete versions: "
                    + views.versions());
        }
        Optional<String> previous = registry.activeVersion();
        if (previous.equals(Optional.of(target)) && target.equals(liveCatalogueVersion().orElse(null))) {
            return Published.nothingToDo(target); // a re-run: loading it again would only cost a catalogue rebuild
        }
        LoadSummary load = loader.load(viewsRootUri, target);
        CatalogueBuild build = catalogue.build(views, target, progress);
        try {
            registry.activate(target);
        } catch (RuntimeException e) {
            if (build.previousIndex().isPresent()) {
                catalogue.activate(build.previousIndex().get());
            }
            throw e;
        }
        List<String> dropped = List.of();
        String retentionError = null;
        try {
            dropped = registry.applyRetention();
            catalogue.retainVersions(registry.versions().stream().map(VersionInfo::version).toList());
        } catch (RuntimeException e) {
            retentionError = e.getMessage();
            LOG.warn("published {}, but retention failed (the next publish retries): {}", target, e.getMessage());
        }
        return new Published(target, previous, load, build, dropped, retentionError, false);
    }

    private Optional<String> liveCatalogueVersion() {
        return catalogue.indices().stream().filter(CatalogueIndexInfo::live).map(CatalogueIndexInfo::version).findFirst();
    }

    /**
     * Goes back to the previously active version in both stores: the catalogue alias first (refused, with nothing
     * changed, if that version has no index), then the registry, whose failure moves the alias back.
     */
    public RolledBack rollback() {
        String from = registry.activeVersion().orElseThrow(() -> new IllegalStateException("nothing is published yet"));
        String to = registry.previousVersion().orElseThrow(() -> new IllegalStateException(
                "no previously active version to roll back to (active: " + from + ")"));
        Optional<String> previousIndex = catalogue.liveIndex();
        String index = catalogue.activateVersion(to);
        try {
            String now = registry.rollback();
            if (!now.equals(to)) {
                // Another switch happened in between: follow the registry, the source of truth.
                index = catalogue.activateVersion(now);
                to = now;
            }
        } catch (RuntimeException e) {
            previousIndex.ifPresent(catalogue::activate);
            throw e;
        }
        return new RolledBack(from, to, index);
    }

    /** Serves an already loaded version again (an operator's choice in the admin API). */
    public String activate(String version) {
        VersionStatus status = registry.status(version).orElseThrow(() -> new IllegalArgumentException(
                "unknown version " + version + "; loaded: " + registry.versions().stream().map(v -> v.version()).toList()));
        if (status.state() != VersionState.READY) {
            throw new IllegalStateException("version " + version + " is " + status.state() + ", not READY: it cannot serve");
        }
        Optional<String> previousIndex = catalogue.liveIndex();
        String index = catalogue.activateVersion(version);
        try {
            registry.activate(version);
        } catch (RuntimeException e) {
            previousIndex.ifPresent(catalogue::activate);
            throw e;
        }
        return index;
    }
}
