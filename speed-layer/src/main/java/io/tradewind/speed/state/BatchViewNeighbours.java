package io.tradewind.speed.state;

import io.tradewind.contracts.views.JsonLinesReader;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.realtime.NeighbourCandidates.Neighbour;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Item neighbours of one batch-view version ({@code neighbours.jsonl}), in memory: one entry per item with its
 * few most similar items, so a catalogue of 100,000 items with 25 neighbours is a few tens of MB per worker.
 */
public final class BatchViewNeighbours {
    public static final BatchViewNeighbours NONE = new BatchViewNeighbours(null, Map.of());

    private final String version;
    private final Map<String, List<Neighbour>> byItem;

    private BatchViewNeighbours(String version, Map<String, List<Neighbour>> byItem) {
        this.version = version;
        this.byItem = byItem;
    }

    /** Reads the version's neighbours; a version without the file (a model set without ItemKNN) has none. */
    public static BatchViewNeighbours load(ViewStore views, String version) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(views.fileSystem(), new Path(views.root(), version), version);
        Map<String, List<Neighbour>> byItem = new HashMap<>();
        if (reader.exists("neighbours.jsonl")) {
            reader.read("neighbours.jsonl", NeighboursView.class, row -> {
                List<Neighbour> list = new ArrayList<>(row.neighbours().size());
                row.neighbours().forEach(n -> list.add(new Neighbour(n.item(), n.similarity())));
                byItem.put(row.item(), List.copyOf(list));
            });
        }
        return new BatchViewNeighbours(version, byItem);
    }

    /** The version these came from; null for {@link #NONE}. */
    public String version() {
        return version;
    }

    public List<Neighbour> of(String item) {
        return byItem.getOrDefault(item, List.of());
    }

    public int items() {
        return byItem.size();
    }
}
