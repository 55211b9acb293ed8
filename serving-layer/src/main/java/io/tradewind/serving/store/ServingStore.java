package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.UserLists;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.core.portrait.Portrait;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP API reads: batch views of a loaded version and the real-time lists. Every method may throw
 * {@link StoreUnavailableException} when the store is down; "not found" is an empty answer, never an exception.
 */
public interface ServingStore extends AutoCloseable {

    /** The version serving now; empty before the first publish. */
    Optional<String> activeVersion();

    /** Loaded versions, newest first (the active one flagged). */
    List<VersionInfo> versions();

    /** A user's lists from one model of one version; empty for a user the model has no list for. */
    Optional<UserLists> userLists(String version, String model, String userId);

    /** The user's real-time list (speed layer), best first; empty when there is none. */
    default List<RealtimeItem> realtime(String userId) {
        return realtimeState(userId).list();
    }

    /** The real-time list and the recent purchases of a user, in one read. */
    RealtimeState realtimeState(String userId);

    /**
     * What a user's first recommendation in a version needs, in one read of the user's row: the portrait, the lists
     * of one model and the real-time state.
     */
    UserRow userRow(String version, String model, String userId);

    /**
     * What personalising a search needs, in one read of the user's row: the portrait and the real-time state (the
     * lists are left out, empty).
     */
    UserRow portraitAndRealtime(String version, String userId);

    /** {@link #portrait}, {@link #userLists} and {@link #realtimeState} of one user. */
    record UserRow(Optional<Portrait> portrait, Optional<UserLists> lists, RealtimeState realtime) {
    }

    Optional<Portrait> portrait(String version, String userId);

    /** Catalogue facts of an item (title, price, buyers per country); empty for an unknown item. */
    Optional<ItemStat> item(String version, String itemId);

    /** Catalogue facts of several items in one read; unknown items are absent from the answer. */
    Map<String, ItemStat> items(String version, Collection<String> itemIds);

    /**
     * Facts of up to {@code limit} items of a version, in one scan: for warming a cache when a version starts
     * serving, so its first answers do not all wait on item reads.
     */
    Map<String, ItemStat> someItems(String version, int limit);

    /** Items bought by the same customers, most similar first; empty for an item without neighbours. */
    List<ScoredItem> neighbours(String version, String itemId);

    /**
     * Most-bought items of a group; {@code scope} is {@code global}, {@code country} or {@code segment}
     * (see {@link io.tradewind.contracts.views.PopularityView}); empty for an unknown group.
     */
    List<PopularityTable.Entry> popularity(String version, String scope, String group);

    /** Every popularity group of a version (global, each country, each segment): small, read once per version. */
    List<PopularityView> popularityTables(String version);

    Optional<SegmentsView> segments(String version);

    @Override
    void close();
}
