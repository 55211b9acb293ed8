package io.tradewind.speed;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.views.FactorView;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.ViewStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * A tiny batch version as a retrain writes it and {@code publish} activates it, the speed layer's teacher: items
 * {@code A}, {@code B} and their only neighbours {@code N-A}, {@code N-B} (known to the ALS model with no factor
 * signal, so a user's real-time list shows them with the reason {@code neighbour-of:A} / {@code neighbour-of:B}).
 */
final class ActiveBatchVersion {
    private ActiveBatchVersion() {
    }

    /** Writes {@code version} under {@code viewsUri}, creates the serving tables and marks it active in the registry. */
    static void publish(String viewsUri, Configuration hadoop, Connection hbase, String namespace, String version)
            throws IOException {
        ViewStore.VersionWriter writer = new ViewStore(viewsUri, hadoop).newVersion(version);
        writer.writeJsonLines("items.jsonl", List.of("A", "B", "N-A", "N-B").stream()
                .map(i -> new ItemStat(i, "ITEM " + i, null, 2.5, 10, Map.of())).toList());
        writer.writeJsonLines("factors-items.jsonl", List.of(new FactorView("A", new float[] {1, 0}),
                new FactorView("B", new float[] {0, 1}), new FactorView("N-A", new float[] {0, 0}),
                new FactorView("N-B", new float[] {0, 0})));
        writer.writeJsonLines("factors-users.jsonl", List.of(new FactorView("someone", new float[] {0.2f, 0.2f})));
        writer.writeJsonLines("toplists/ALS.jsonl", List.of(new TopListView("someone",
                List.of(new TopListView.Scored("A", 0.2f)), List.of())));
        writer.writeJsonLines("neighbours.jsonl", List.of(
                new NeighboursView("A", List.of(new NeighboursView.Neighbour("N-A", 0.5f))),
                new NeighboursView("B", List.of(new NeighboursView.Neighbour("N-B", 0.5f)))));
        writer.writeJson(ViewStore.MANIFEST, new Manifest(version, "2011-12-01T00:00:00Z", "2011-12-01T00:00:00Z", null,
                Map.of(), List.of(), List.of(new Manifest.ModelEntry("ALS", Map.of("rank", 2, "alpha", 1.0, "reg", 0.3),
                0.1, "toplists/ALS.jsonl")), Map.of(), Map.of()));
        writer.complete();
        ServingTables.createIfAbsent(hbase, HBaseStoreSettings.defaults().withNamespace(namespace));
        try (Table registry = hbase.getTable(new ServingTables(namespace).registry)) {
            registry.put(new Put(ServingTables.REGISTRY_ACTIVE_ROW)
                    .addColumn(ServingTables.REGISTRY, ServingTables.REGISTRY_ACTIVE_VERSION, Bytes.toBytes(version)));
        }
    }
}
