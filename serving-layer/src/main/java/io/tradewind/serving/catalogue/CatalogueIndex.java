package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue's physical indices behind one alias ({@value #DEFAULT_ALIAS} by default).
 *
 * <p>Each batch-view version is built aside into its own index {@code <alias>-<version>}: created with refresh off,
 * filled through {@code _bulk}, refreshed and counted. Only a complete index is put behind the alias, in one
 * {@code _aliases} call that removes the old index and adds the new one, so searches see either version whole and
 * never a mix or nothing. A build that fails (a rejected document, a wrong count, Elasticsearch gone) deletes its own
 * index and leaves the alias where it was. {@link #rollback()} moves the alias back to the index built before the
 * live one; after each build only the newest {@code keep} indices (and always the live one) are kept.
 *
 * <p>Categories set by an admin ({@link #setCategory}) live on the live index; a new build carries them over to items
 * whose batch view has no category, so they survive the nightly retrain.
 */
public final class CatalogueIndex {
    public static final String DEFAULT_ALIAS = CatalogueFields.DEFAULT_ALIAS;
    public static final int DEFAULT_KEEP = 3;
    /** Documents per {@code _bulk} request: a few hundred kB, well below Elasticsearch's request limits. */
    static final int BULK_BATCH = 500;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final int MAX_CATEGORY_LENGTH = 100;

    private final ElasticsearchConnection es;
    private final String alias;
    private final int keep;

    /** The default alias {@value #DEFAULT_ALIAS}, keeping {@value #DEFAULT_KEEP} indices. */
    public CatalogueIndex(ElasticsearchConnection es) {
        this(es, DEFAULT_ALIAS, DEFAULT_KEEP);
    }

    /** @param keep how many physical indices to keep (the live one always stays), at least 1 */
    public CatalogueIndex(ElasticsearchConnection es, String alias, int keep) {
        if (alias == null || !NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias must be lower case letters, digits, '.', '_' or '-': " + alias);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.es = es;
        this.alias = alias;
        this.keep = keep;
    }

    public String alias() {
        return alias;
    }

    /** Builds from a batch-view version's {@code items.jsonl} and {@code popularity.jsonl}, then goes live. */
    public CatalogueBuild build(ViewStore views, String version, ProgressListener progress) {
        return build(version, BatchViewFiles.read(views, version, "items.jsonl", ItemStat.class),
                BatchViewFiles.read(views, version, "popularity.jsonl", PopularityView.class), progress);
    }

    /**
     * Builds the index of {@code version} aside and swaps the alias to it.
     *
     * @throws CatalogueBuildException when a document is rejected or the count does not match (alias unchanged)
     * @throws io.tradewind.serving.store.StoreUnavailableException when Elasticsearch is down (alias unchanged)
     */
    public CatalogueBuild build(String version, Iterable<ItemStat> items, Iterable<PopularityView> popularity,
            ProgressListener progress) {
        if (version == null || !NAME.matcher(version.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("version must be letters, digits, '.', '_' or '-': " + version);
        }
        Optional<String> previous = liveIndex();
        Map<String, String> adminCategories = previous.isPresent() ? categoriesOn(previous.get()) : Map.of();
        String index = freeIndexName(alias + "-" + version.toLowerCase(Locale.ROOT));
        long builtAt = System.currentTimeMillis();
        ObjectNode body = CatalogueMapping.indexBody();
        ((ObjectNode) body.path("mappings")).set("_meta", meta(version, builtAt, false));
        es.send("PUT", "/" + index, body);
        long count;
        try {
            count = fill(index, version, items, TopListMembership.of(popularity), adminCategories, progress);
            es.send("PUT", "/" + index + "/_settings", json().set("index", json().put("refresh_interval", "1s")));
            es.send("POST", "/" + index + "/_refresh", null);
            long indexed = es.get("/" + index + "/_count").path("count").asLong(-1);
            if (indexed != count) {
                throw new CatalogueBuildException("index " + index + " holds " + indexed + " documents, " + count
                        + " were sent; the alias " + alias + " stays on " + previous.orElse("(none)"));
            }
            // Only indices marked complete are candidates for a rollback.
            es.send("PUT", "/" + index + "/_mapping", json().set("_meta", meta(version, builtAt, true)));
            swapAlias(index);
        } catch (ElasticsearchRequestException e) {
            deleteQuietly(index);
            throw new CatalogueBuildException("Elasticsearch refused the build of " + index + " (" + e.getMessage()
                    + "); the alias " + alias + " is unchanged", e);
        } catch (RuntimeException e) {
            deleteQuietly(index);
            throw e;
        }
        List<String> deleted = applyRetention();
        return new CatalogueBuild(index, version, count, previous, deleted);
    }

    /** The physical index the alias points at; empty before the first build. */
    public Optional<String> liveIndex() {
        return aliasOwners().stream().findFirst();
    }

    /** Indices behind the alias: one, unless someone added another by hand. */
    private List<String> aliasOwners() {
        try {
            List<String> owners = new ArrayList<>();
            es.get("/_alias/" + alias).fieldNames().forEachRemaining(owners::add);
            return owners;
        } catch (ElasticsearchRequestException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** This alias's physical indices (complete or left by a build that died), newest build first. */
    public List<CatalogueIndexInfo> indices() {
        String live = liveIndex().orElse(null);
        JsonNode mappings = es.get("/" + alias + "-*/_mapping");
        List<CatalogueIndexInfo> out = new ArrayList<>();
        mappings.fields().forEachRemaining(e -> {
            JsonNode meta = e.getValue().path("mappings").path("_meta").path("tradewind_catalogue");
            // Another alias may share the prefix ("catalogue" and "catalogue-test"): only ours count.
            if (alias.equals(meta.path("alias").asText())) {
                out.add(new CatalogueIndexInfo(e.getKey(), meta.path("version").asText(),
                        meta.path("built_at").asLong(), meta.path("complete").asBoolean(), e.getKey().equals(live)));
            }
        });
        out.sort(Comparator.comparingLong(CatalogueIndexInfo::builtAtMillis).reversed()
                .thenComparing(CatalogueIndexInfo::index, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Points the alias back at the index built before the live one (in one {@code _aliases} call).
     *
     * @return the index now live
     * @throws IllegalStateException when there is no earlier index left
     */
    public String rollback() {
        List<CatalogueIndexInfo> all = indices().stream().filter(CatalogueIndexInfo::complete).toList();
        int live = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).live()) {
                live = i;
            }
        }
        if (live < 0 || live + 1 >= all.size()) {
            throw new IllegalStateException("no earlier catalogue index to roll back to behind alias " + alias
                    + " (indices: " + all.stream().map(CatalogueIndexInfo::index).toList() + ")");
        }
        String target = all.get(live + 1).index();
        swapAlias(target);
        return target;
    }

    /**
     * Sets (or with {@code category == null}, clears) the category of items on the live index; visible to searches
     * when this returns.
     *
     * @throws IllegalArgumentException for a blank or over-long category
     * @throws IllegalStateException before the first build
     */
    public CategoryUpdate setCategory(Collection<String> itemIds, String category) {
        if (category != null && (category.isBlank() || category.length() > MAX_CATEGORY_LENGTH)) {
            throw new IllegalArgumentException("category must be 1-" + MAX_CATEGORY_LENGTH
                    + " characters, or null to clear it");
        }
        if (liveIndex().isEmpty()) {
            throw new IllegalStateException("no catalogue behind alias " + alias + " yet: build one first");
        }
        Set<String> ids = new LinkedHashSet<>(itemIds);
        if (ids.isEmpty()) {
            return new CategoryUpdate(0, List.of());
        }
        StringBuilder body = new StringBuilder();
        for (String id : ids) {
            ObjectNode doc = json();
            doc.set("doc", json().put("category", category));
            body.append(action("update", id)).append('\n').append(doc).append('\n');
        }
        // require_alias: an update must never auto-create a plain index named like the alias.
        JsonNode response = es.bulk("/" + alias + "/_bulk?refresh=wait_for&require_alias=true", body.toString());
        int updated = 0;
        List<String> unknown = new ArrayList<>();
        for (JsonNode item : response.path("items")) {
            JsonNode result = item.path("update");
            int status = result.path("status").asInt();
            if (status == 404) {
                unknown.add(result.path("_id").asText());
            } else if (status >= 300) {
                throw new IllegalStateException("category update of " + result.path("_id").asText() + " failed: "
                        + result.path("error"));
            } else {
                updated++;
            }
        }
        return new CategoryUpdate(updated, unknown);
    }

    private ObjectNode meta(String version, long builtAt, boolean complete) {
        ObjectNode meta = json().put("alias", alias).put("version", version).put("built_at", builtAt)
                .put("complete", complete);
        return json().set("tradewind_catalogue", meta);
    }

    /** Sends the documents in batches; returns how many distinct items were indexed. */
    private long fill(String index, String version, Iterable<ItemStat> items, TopListMembership tops,
            Map<String, String> adminCategories, ProgressListener progress) {
        long total = items instanceof Collection<?> c ? c.size() : -1;
        progress.start("catalogue index " + version, total);
        Set<String> ids = new HashSet<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        try {
            for (ItemStat item : items) {
                CatalogueDocument doc = CatalogueDocument.of(item, tops);
                if (doc.category() == null && adminCategories.containsKey(doc.id())) {
                    doc = doc.withCategory(adminCategories.get(doc.id()));
                }
                ids.add(doc.id());
                batch.append(action("index", doc.id())).append('\n')
                        .append(ElasticsearchConnection.JSON.writeValueAsString(doc)).append('\n');
                if (++inBatch == BULK_BATCH) {
                    sendBatch(index, batch, inBatch, progress);
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                sendBatch(index, batch, inBatch, progress);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
        return ids.size();
    }

    private void sendBatch(String index, StringBuilder batch, int documents, ProgressListener progress) {
        JsonNode response = es.bulk("/" + index + "/_bulk", batch.toString());
        if (response.path("errors").asBoolean(false)) {
            List<String> reasons = new ArrayList<>();
            for (JsonNode item : response.path("items")) {
                JsonNode result = item.path("index");
                if (result.has("error") && reasons.size() < 3) {
                    reasons.add(result.path("_id").asText() + ": " + result.path("error").path("type").asText() + " "
                            + result.path("error").path("reason").asText());
                }
            }
            throw new CatalogueBuildException("Elasticsearch rejected documents of " + index + " (first: " + reasons
                    + "); the alias " + alias + " is unchanged");
        }
        progress.advance(documents);
    }

    /** Categories on an index, to carry admin edits over into the next version. */
    private Map<String, String> categoriesOn(String index) {
        return fieldById(index, "category", json().set("exists", json().put("field", "category")));
    }

    /** Categories set on the live index, by item id (items without one are absent). */
    public Map<String, String> liveCategories() {
        return liveIndex().map(this::categoriesOn).orElse(Map.of());
    }

    /** Titles of every item on the live index, by id: what the admin's category rules are applied to. */
    public Map<String, String> liveTitles() {
        String index = liveIndex().orElseThrow(() -> new IllegalStateException(
                "no catalogue behind alias " + alias + " yet: build one first"));
        return fieldById(index, "title", json().set("match_all", json()));
    }

    /** One stored field of every matching document, by id, paged with search_after (no scroll contexts left open). */
    private Map<String, String> fieldById(String index, String field, JsonNode query) {
        Map<String, String> out = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = json().put("size", 1000);
            body.set("query", query);
            body.set("_source", ElasticsearchConnection.JSON.createArrayNode().add(field));
            body.set("sort", ElasticsearchConnection.JSON.createArrayNode().add(json().put("id", "asc")));
            if (after != null) {
                body.set("search_after", after);
            }
            ArrayNode hits = (ArrayNode) es.send("POST", "/" + index + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            for (JsonNode hit : hits) {
                out.put(hit.path("_id").asText(), hit.path("_source").path(field).asText(null));
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    /**
     * Deletes complete indices of versions not in {@code versions} (and leftovers of builds that died); the live
     * index always stays. The publisher passes the versions HBase keeps, so a rollback finds both halves.
     *
     * @return the indices deleted
     */
    public List<String> retainVersions(Collection<String> versions) {
        List<String> deleted = new ArrayList<>();
        for (CatalogueIndexInfo info : indices()) {
            if (!info.live() && (!info.complete() || !versions.contains(info.version()))) {
                es.send("DELETE", "/" + info.index(), null);
                deleted.add(info.index());
            }
        }
        return deleted;
    }

    /** Points the alias at the newest complete index of {@code version} (publish and rollback keep both stores on one version). */
    public String activateVersion(String version) {
        String index = indices().stream().filter(i -> i.complete() && i.version().equals(version))
                .map(CatalogueIndexInfo::index).findFirst()
                .orElseThrow(() -> new IllegalStateException("no complete catalogue index of version " + version
                        + " behind alias " + alias + "; publish that version again to rebuild it"));
        swapAlias(index);
        return index;
    }

    /** Points the alias at a given physical index of this alias (to undo a swap). */
    public void activate(String index) {
        swapAlias(index);
    }

    /** Moves the alias onto {@code index} in one atomic {@code _aliases} call. */
    private void swapAlias(String index) {
        ArrayNode actions = ElasticsearchConnection.JSON.createArrayNode();
        for (String old : aliasOwners()) {
            if (!old.equals(index)) {
                actions.add(json().set("remove", json().put("index", old).put("alias", alias)));
            }
        }
        actions.add(json().set("add", json().put("index", index).put("alias", alias)));
        es.send("POST", "/_aliases", json().set("actions", actions));
    }

    /**
     * Deletes all but the newest {@code keep} complete indices of this alias, and what builds that died left behind
     * (one builder at a time is assumed); the live one always stays.
     */
    private List<String> applyRetention() {
        List<String> deleted = new ArrayList<>();
        int kept = 0;
        for (CatalogueIndexInfo info : indices()) {
            if (info.live() || (info.complete() && kept < keep)) {
                kept++;
                continue;
            }
            es.send("DELETE", "/" + info.index(), null);
            deleted.add(info.index());
        }
        return deleted;
    }

    /** The name for a version's index; a rebuild of the same version gets a numbered suffix. */
    private String freeIndexName(String base) {
        String name = base;
        for (int n = 2; exists(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private boolean exists(String index) {
        try {
            es.get("/" + index + "/_settings");
            return true;
        } catch (ElasticsearchRequestException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void deleteQuietly(String index) {
        try {
            es.send("DELETE", "/" + index, null);
        } catch (RuntimeException e) {
            // Elasticsearch is down; the alias is untouched, and the leftover (never marked complete, so never a
            // rollback target) is removed by the retention of the next successful build.
        }
    }

    /** A bulk action line such as {@code {"index":{"_id":"85123A"}}} (the index comes from the URL). */
    private static String action(String verb, String id) {
        ObjectNode action = json();
        action.set(verb, json().put("_id", id));
        return action.toString();
    }

    private static ObjectNode json() {
        return ElasticsearchConnection.JSON.createObjectNode();
    }
}
