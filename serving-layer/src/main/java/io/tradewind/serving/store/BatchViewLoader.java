package io.tradewind.serving.store;

import io.tradewind.contracts.views.JsonLinesReader;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.ServingTables;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;

/**
 * Loads one batch-view version ({@code <root>/<version>/} of a {@link ViewStore}, any Hadoop URI) into the
 * serving tables, aside from the active version: every cell carries the version in its qualifier, and the
 * registry marks the version READY only after every file is flushed and its row count matched the manifest.
 * A failed load is marked FAILED (never activatable, cells removed by retention) and leaves the active version
 * untouched. Loading a READY version again rewrites the same cells and leaves its registry entry as it was.
 */
public final class BatchViewLoader {
    static final String PORTRAITS = "portraits.jsonl";
    static final String ITEMS = "items.jsonl";
    static final String NEIGHBOURS = "neighbours.jsonl";
    static final String POPULARITY = "popularity.jsonl";
    private static final int PROGRESS_STEP = 1_000;

    private final Connection connection;
    private final HBaseStoreSettings settings;
    private final Configuration hadoopConf;
    private final ProgressListener progress;
    private final ServingTables tables;
    private final ModelRegistry registry;

    /**
     * @param connection an HBase connection, ideally opened with {@link HBaseStoreSettings#loadingConfiguration}
     * @param hadoopConf for the file system of the views root (HDFS, local, …)
     */
    public BatchViewLoader(Connection connection, HBaseStoreSettings settings, Configuration hadoopConf,
                           ProgressListener progress) {
        this.connection = connection;
        this.settings = settings;
        this.hadoopConf = hadoopConf;
        this.progress = progress;
        this.tables = new ServingTables(settings.namespace());
        this.registry = new ModelRegistry(connection, settings);
    }

    /** Loads the version {@code CURRENT} points at. */
    public LoadSummary loadCurrent(String viewsRootUri) throws IOException {
        ViewStore views = new ViewStore(viewsRootUri, hadoopConf);
        String version = views.current().orElseThrow(() -> new IOException("no " + ViewStore.CURRENT + " under "
                + viewsRootUri + ": no version has been published yet"));
        return load(views, version);
    }

    public LoadSummary load(String viewsRootUri, String version) throws IOException {
        return load(new ViewStore(viewsRootUri, hadoopConf), version);
    }

    private LoadSummary load(ViewStore views, String version) throws IOException {
        ServingTables.checkName("version", version);
        long started = System.nanoTime();
        Path dir = new Path(views.root(), version);
        FileSystem fs = views.fileSystem();
        if (!fs.exists(new Path(dir, ViewStore.MANIFEST))) {
            throw new IOException("no complete version " + version + " under " + views.root() + " (no "
                    + ViewStore.MANIFEST + ")");
        }
        Manifest manifest = views.readManifest(version, Manifest.class);
        SegmentsView segments = SegmentsView.read(fs, dir).orElse(null);

        ServingTables.createIfAbsent(connection, settings);
        Optional<VersionStatus> before = registry.status(version);
        if (before.isPresent() && before.get().state() == VersionState.DROPPING) {
            throw new IllegalStateException("version " + version + " is being dropped; run retention to finish, "
                    + "then load it again");
        }
        boolean reload = before.isPresent() && before.get().state() == VersionState.READY;
        if (!reload) {
            registry.markLoading(version, manifest);
        }
        try {
            Map<String, Long> rows = writeCells(new JsonLinesReader(fs, dir, version), manifest, version);
            if (!reload) {
                registry.markReady(version, manifest, segments, rows);
            }
            List<String> notLoaded = new ArrayList<>(rowCounts(manifest).keySet());
            notLoaded.removeAll(rows.keySet());
            return new LoadSummary(version, rows, notLoaded, reload, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            if (!reload) {
                try {
                    registry.markFailed(version, e.getMessage());
                } catch (IOException | RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed); // stays LOADING: still never activatable
                }
            }
            throw e;
        }
    }

    private Map<String, Long> writeCells(JsonLinesReader reader, Manifest manifest, String version)
            throws IOException {
        Map<String, Long> expected = rowCounts(manifest);
        Map<String, String> topLists = new LinkedHashMap<>(); // file -> model
        for (Manifest.ModelEntry model : manifest.models() == null ? List.<Manifest.ModelEntry>of() : manifest.models()) {
            String name = ServingTables.checkName("model", model.name());
            topLists.put(model.topListFile() == null ? "toplists/" + name + ".jsonl" : model.topListFile(), name);
        }
        List<String> planned = new ArrayList<>(List.of(PORTRAITS, ITEMS, POPULARITY));
        if (expected.containsKey(NEIGHBOURS) || reader.exists(NEIGHBOURS)) {
            planned.add(NEIGHBOURS); // only when an item-neighbour model was published
        }
        planned.addAll(topLists.keySet());
        for (String file : planned) {
            if (!expected.containsKey(file)) {
                throw new IOException("version " + version + ": " + ViewStore.MANIFEST + " has no row count for "
                        + file + ", so a complete load cannot be verified");
            }
            if (!reader.exists(file)) {
                throw new IOException("version " + version + ": " + file + " is listed in " + ViewStore.MANIFEST
                        + " but missing");
            }
        }

        Map<String, Long> rows = new LinkedHashMap<>();
        progress.start("Loading batch views " + version + " into HBase",
                planned.stream().mapToLong(expected::get).sum());
        try (BufferedMutator users = mutator(tables.users);
             BufferedMutator items = mutator(tables.items);
             BufferedMutator popular = mutator(tables.popularity)) {
            rows.put(PORTRAITS, file(reader, PORTRAITS, Portrait.class, expected,
                    p -> users.mutate(ViewRowPuts.portrait(p, version))));
            rows.put(ITEMS, file(reader, ITEMS, ItemStat.class, expected,
                    i -> items.mutate(ViewRowPuts.item(i, version))));
            rows.put(POPULARITY, file(reader, POPULARITY, PopularityView.class, expected,
                    p -> popular.mutate(ViewRowPuts.popularity(p, version))));
            if (planned.contains(NEIGHBOURS)) {
                rows.put(NEIGHBOURS, file(reader, NEIGHBOURS, NeighboursView.class, expected,
                        n -> items.mutate(ViewRowPuts.neighbours(n, version))));
            }
            for (Map.Entry<String, String> topList : topLists.entrySet()) {
                String model = topList.getValue();
                rows.put(topList.getKey(), file(reader, topList.getKey(), TopListView.class, expected,
                        t -> users.mutate(ViewRowPuts.topList(t, version, model))));
            }
        } finally {
            progress.finish();
        }
        return rows; // closing the mutators above flushed every cell; an unflushable one threw
    }

    private <T> long file(JsonLinesReader reader, String file, Class<T> type, Map<String, Long> expected,
                          JsonLinesReader.RowConsumer<T> write) throws IOException {
        String version = reader.version();
        long[] sinceReport = {0};
        long read = reader.read(file, type, row -> {
            write.accept(row);
            if (++sinceReport[0] == PROGRESS_STEP) {
                progress.advance(sinceReport[0]);
                sinceReport[0] = 0;
            }
        });
        progress.advance(sinceReport[0]);
        long want = expected.get(file);
        if (read != want) {
            throw new IOException("version " + version + ", " + file + ": read " + read + " rows but " + ViewStore.MANIFEST
                    + " says " + want + "; the version is incomplete or was changed after it was written");
        }
        return read;
    }

    private BufferedMutator mutator(TableName table) throws IOException {
        return connection.getBufferedMutator(new BufferedMutatorParams(table)
                .writeBufferSize(settings.writeBufferBytes()));
    }

    private static Map<String, Long> rowCounts(Manifest manifest) {
        return manifest.rowCounts() == null ? Map.of() : manifest.rowCounts();
    }
}
