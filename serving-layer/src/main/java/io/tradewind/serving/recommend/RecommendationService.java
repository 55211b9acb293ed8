package io.tradewind.serving.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.store.RealtimeState;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.serving.store.ServingStore;
import io.tradewind.serving.store.StoreUnavailableException;
import io.tradewind.contracts.hbase.UserLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a user's recommendations: the model's batch list merged with the real-time list, cold start by stratum
 * for users the model does not know, padding from popular lists, and the popular lists alone when HBase is down.
 *
 * <p>Caching: a version's batch data never changes, so a user's portrait and lists are cached under a key that
 * holds the version; after a flip the old entries are simply never asked for again. The real-time list is read
 * on every request, so a speed-layer update shows at once.
 */
public final class RecommendationService {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendationService.class);
    /** Items scanned into the cache when a version starts serving: bounds the flip's delay (about 0.5 s per 4,000). */
    private static final int WARM_ITEMS_MAX = 50_000;

    /** What a caller asks for. {@code model} and {@code country} may be null. */
    public record Query(String user, int k, String model, boolean newOnly, String country) {
    }

    private record BatchKey(String version, String model, String user) {
    }

    private record UserBatch(Optional<Portrait> portrait, Optional<UserLists> lists) {
    }

    private record ItemKey(String version, String item) {
    }

    private final ServingStore store;
    private final ServingMetrics metrics;
    private final Cache<BatchKey, UserBatch> batchCache;
    private final Cache<ItemKey, Optional<ItemStat>> itemCache;
    private final long cacheEntries;

    public RecommendationService(ServingStore store, ServingMetrics metrics, long cacheEntries) {
        this.store = store;
        this.metrics = metrics;
        this.cacheEntries = cacheEntries;
        this.batchCache = Caffeine.newBuilder().maximumSize(cacheEntries).build();
        this.itemCache = Caffeine.newBuilder().maximumSize(cacheEntries).build();
    }

    public RecommendationList recommend(ActiveVersion version, Query q) {
        String model = q.model() == null ? version.defaultModel() : q.model();
        String track = q.newOnly() ? "new" : "all";
        UserBatch batch;
        RealtimeState realtime;
        try {
            BatchKey key = new BatchKey(version.version(), model, q.user());
            batch = batchCache.getIfPresent(key);
            metrics.cacheLookup("user-batch", batch != null);
            if (batch != null) {
                realtime = store.realtimeState(q.user());
            } else {
                // First visit in this version: portrait, lists and real-time state share the user's row, one read.
                ServingStore.UserRow row = store.userRow(version.version(), model, q.user());
                batch = new UserBatch(row.portrait(), row.lists());
                batchCache.put(key, batch);
                realtime = row.realtime();
            }
        } catch (StoreUnavailableException e) {
            metrics.storeError("hbase");
            metrics.degradedAnswer("recommendations");
            List<ListMerger.Candidate> popular = pad(new ArrayList<>(), version.popular(), null, q.country(), Set.of(), q.k());
            return new RecommendationList(q.user(), version.version(), model, track, "unknown", null, true,
                    withTitles(version.version(), popular, false));
        }

        Portrait portrait = batch.portrait().orElse(null);
        // The speed layer's segment when the user's events since the batch moved it (a new user's first purchase too).
        String liveSegment = realtime.liveSegmentIn(version.version()).map(LiveSegment::segment).orElse(null);
        String segment = liveSegment != null ? liveSegment : portrait == null ? null : portrait.segment();
        String country = q.country() != null ? q.country()
                : portrait == null || portrait.habits() == null ? null : portrait.habits().country();
        // "new" drops what the user bought: before the batch (its fresh list leaves those out, and pastPurchasesIn
        // finds them for the real-time list and the padding) and since (the real-time state's purchases).
        Set<String> justBought = q.newOnly() ? boughtSince(realtime, version.asOf().toEpochMilli()) : Set.of();
        Set<String> notNew = q.newOnly() && batch.lists().isPresent()
                ? pastPurchasesIn(batch.lists().get(), justBought) : justBought;
        String stratum;
        List<ListMerger.Candidate> items;
        if (batch.lists().isPresent()) {
            stratum = "known";
            List<ScoredItem> base = q.newOnly() ? batch.lists().get().fresh() : batch.lists().get().all();
            items = ListMerger.merge(base, model, realtime.list(), version.asOf(), notNew, q.k());
        } else {
            stratum = portrait == null ? "unknown" : portrait.isNewUser() ? "new" : "segment";
            items = ListMerger.merge(List.of(), model, realtime.list(), version.asOf(), notNew, q.k());
        }
        String padSegment = liveSegment != null ? liveSegment : portrait == null || portrait.isNewUser() ? null : segment;
        items = pad(items, version.popular(), padSegment, country, notNew, q.k());
        return new RecommendationList(q.user(), version.version(), model, track, stratum, segment, false,
                withTitles(version.version(), items, true));
    }

    /**
     * Items the batch lists show the user bought before: {@code fresh} is {@code all} without past purchases, scored
     * alike, so an item of {@code all} scoring at least as high as the last fresh item yet missing from {@code fresh}
     * was bought. Keeps popular padding out of past purchases on the "new to you" track.
     */
    static Set<String> pastPurchasesIn(UserLists lists, Set<String> alsoExcluded) {
        Set<String> out = new HashSet<>(alsoExcluded);
        if (lists.fresh().isEmpty()) {
            lists.all().forEach(s -> out.add(s.item()));
            return out;
        }
        float lowestFresh = lists.fresh().get(lists.fresh().size() - 1).score();
        Set<String> fresh = new HashSet<>();
        lists.fresh().forEach(s -> fresh.add(s.item()));
        for (ScoredItem s : lists.all()) {
            if (s.score() >= lowestFresh && !fresh.contains(s.item())) {
                out.add(s.item());
            }
        }
        return out;
    }

    private static Set<String> boughtSince(RealtimeState realtime, long asOfMillis) {
        Set<String> out = new HashSet<>();
        realtime.recentPurchases().forEach((item, at) -> {
            if (at > asOfMillis) {
                out.add(item);
            }
        });
        return out;
    }

    /**
     * Fills the list up to k from the most specific popular list first: the user's segment, then the country,
     * then everyone. Popular items rank after model items whatever their counts.
     */
    static List<ListMerger.Candidate> pad(List<ListMerger.Candidate> items, PopularLists popular, String segment,
                                          String country, Set<String> exclude, int k) {
        Set<String> seen = new HashSet<>(exclude);
        items.forEach(c -> seen.add(c.item()));
        List<ListMerger.Candidate> out = new ArrayList<>(items);
        addPopular(out, seen, popular.segment(segment), "popular in segment " + segment, k);
        addPopular(out, seen, popular.country(country), "popular in " + country, k);
        addPopular(out, seen, popular.global(), "popular overall", k);
        return out;
    }

    private static void addPopular(List<ListMerger.Candidate> out, Set<String> seen, List<PopularityTable.Entry> list,
                                   String because, int k) {
        for (PopularityTable.Entry e : list) {
            if (out.size() >= k) {
                return;
            }
            if (seen.add(e.item())) {
                out.add(new ListMerger.Candidate(e.item(), e.buyers(), "popular", because));
            }
        }
    }

    private List<Recommendation> withTitles(String version, List<ListMerger.Candidate> items, boolean storeUp) {
        Map<String, String> titles = storeUp ? titles(version, items.stream().map(ListMerger.Candidate::item).toList())
                : Map.of();
        List<Recommendation> out = new ArrayList<>(items.size());
        for (ListMerger.Candidate c : items) {
            out.add(new Recommendation(c.item(), titles.get(c.item()), c.score(), c.source(), c.because()));
        }
        return out;
    }

    /**
     * Fills the item cache with the version's items (up to {@value #WARM_ITEMS_MAX}, in row-key order) in one scan,
     * so that a version's first answers do not each wait on a read of their titles, and drops other versions'
     * entries. A failure only leaves the cache cold.
     */
    public void warmItems(String version) {
        long started = System.nanoTime();
        // Entries of other versions are never asked for again (answers follow the active version), and left in
        // place they could keep the new version's items out of a full cache.
        itemCache.asMap().keySet().removeIf(key -> !key.version().equals(version));
        batchCache.asMap().keySet().removeIf(key -> !key.version().equals(version));
        Map<String, ItemStat> items;
        try {
            items = store.someItems(version, (int) Math.min(WARM_ITEMS_MAX, cacheEntries));
        } catch (StoreUnavailableException e) {
            metrics.storeError("hbase");
            LOG.warn("item cache of version {} stays cold: {}", version, e.getMessage());
            return;
        }
        items.forEach((item, stat) -> itemCache.put(new ItemKey(version, item), Optional.of(stat)));
        LOG.info("item cache of version {} warmed with {} items in {} ms", version, items.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The item's title, or null when unknown or HBase cannot say right now (a title is not worth failing for). */
    public String title(String version, String item) {
        return titles(version, List.of(item)).get(item);
    }

    /**
     * Titles of the items that have one; the ones not cached yet are read in one multi-get. Missing when unknown or
     * when HBase cannot say right now (a title is not worth failing for).
     */
    public Map<String, String> titles(String version, List<String> items) {
        Map<String, String> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String item : items) {
            Optional<ItemStat> cached = itemCache.getIfPresent(new ItemKey(version, item));
            metrics.cacheLookup("item", cached != null);
            if (cached == null) {
                missing.add(item);
            } else {
                cached.ifPresent(stat -> out.put(item, stat.title()));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, ItemStat> read;
            try {
                read = store.items(version, missing);
            } catch (StoreUnavailableException e) {
                metrics.storeError("hbase");
                return out;
            }
            for (String item : missing) {
                ItemStat stat = read.get(item);
                itemCache.put(new ItemKey(version, item), Optional.ofNullable(stat));
                if (stat != null && stat.title() != null) {
                    out.put(item, stat.title());
                }
            }
        }
        return out;
    }
}
