package io.tradewind.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.serving.admin.AuditEntry;
import io.tradewind.serving.admin.AuditLog;
import io.tradewind.serving.admin.Category;
import io.tradewind.serving.admin.CategoryStore;
import io.tradewind.serving.admin.CategorySync;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.api.http.Json;
import io.tradewind.serving.publish.Publisher;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.store.ActivationEvent;
import io.tradewind.serving.store.ModelRegistry;
import io.tradewind.serving.store.VersionInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API (an admin API key, or a console session whose role has the route's permission): model versions
 * (list, activate, roll back), categories (create, edit, list, delete, assign products by hand; the catalogue
 * follows each change), API keys (create, list, revoke) and the audit log, which records every change made here
 * with the key or the person that made it.
 */
final class AdminEndpoints {
    /** Versions and the switch history. */
    record Versions(String active, List<VersionInfo> versions, List<ActivationEvent> history) {
    }

    /** A category change and what it did to the catalogue. */
    record CategoryChange(Category category, int itemsChanged) {
    }

    private final ModelRegistry registry;
    private final Publisher publisher;
    private final ActiveVersionTracker tracker;
    private final CategoryStore categories;
    private final CategorySync categorySync;
    private final AuditLog audit;
    private final ApiKeyStore keys;

    AdminEndpoints(ModelRegistry registry, Publisher publisher, ActiveVersionTracker tracker, CategoryStore categories,
                   CategorySync categorySync, AuditLog audit, ApiKeyStore keys) {
        this.keys = keys;
        this.registry = registry;
        this.publisher = publisher;
        this.tracker = tracker;
        this.categories = categories;
        this.categorySync = categorySync;
        this.audit = audit;
    }

    Endpoint versions() {
        return request -> new Versions(registry.activeVersion().orElse(null), registry.versions(), registry.history());
    }

    Endpoint activate() {
        return request -> {
            String version = request.pathParameter("version");
            String index;
            try {
                index = publisher.activate(version);
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound(e.getMessage());
            } catch (IllegalStateException e) {
                throw new ApiException(409, e.getMessage());
            }
            // The switch happened: audit it before anything else can fail; the poller catches up if refresh cannot.
            audit.record(request.caller().name(), "activate-version", version, Map.of("catalogueIndex", index));
            refreshQuietly();
            return Map.of("active", version, "catalogueIndex", index);
        };
    }

    Endpoint rollback() {
        return request -> {
            Publisher.RolledBack done;
            try {
                done = publisher.rollback();
            } catch (IllegalStateException e) {
                throw new ApiException(409, e.getMessage());
            }
            audit.record(request.caller().name(), "rollback", done.to(), Map.of("from", done.from(),
                    "catalogueIndex", done.catalogueIndex()));
            refreshQuietly();
            return done;
        };
    }

    Endpoint listCategories() {
        return request -> Map.of("categories", categories.list());
    }

    Endpoint createCategory() {
        return request -> {
            CategoryBody body = CategoryBody.read(request, true);
            Category category = new Category(idOf(body.name()), body.name(), body.keywords(), body.items());
            if (!categories.create(category)) {
                throw new ApiException(409, "category '" + category.id() + "' exists already; edit it with PUT");
            }
            int changed = syncAndAudit(request, "create-category", category, Set.of());
            return ApiResponse.json(201, new CategoryChange(category, changed));
        };
    }

    Endpoint editCategory() {
        return request -> {
            String id = request.pathParameter("id");
            Category old = categories.get(id).orElseThrow(() -> ApiException.notFound("unknown category '" + id + "'"));
            CategoryBody body = CategoryBody.read(request, false);
            Category edited = new Category(id, body.name() == null ? old.name() : body.name(),
                    body.keywords() == null ? old.keywords() : body.keywords(),
                    body.items() == null ? old.items() : body.items());
            categories.replace(edited);
            int changed = syncAndAudit(request, "edit-category", edited, Set.of(old.name()));
            return new CategoryChange(edited, changed);
        };
    }

    /**
     * {@code POST /v1/admin/categories/{id}/items {"items": [...]}}: puts products in this category by hand, whatever
     * their titles say; they leave any other category's hand-made list.
     */
    Endpoint assignItems() {
        return request -> {
            String id = request.pathParameter("id");
            Category target = categories.get(id).orElseThrow(() -> ApiException.notFound("unknown category '" + id + "'"));
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.path("items").isArray() || body.path("items").isEmpty() || body.path("items").size() > 1000) {
                throw ApiException.badParameter("items", "send {\"items\": [\"item id\", …]} with 1 to 1000 ids");
            }
            List<String> added = new ArrayList<>();
            for (JsonNode item : body.path("items")) {
                if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 100) {
                    throw ApiException.badParameter("items", "each item id must be a string of 1 to 100 characters");
                }
                added.add(item.asText().strip());
            }
            for (Category other : categories.list()) {
                if (!other.id().equals(id) && other.items().stream().anyMatch(added::contains)) {
                    categories.replace(other.withItems(other.items().stream().filter(i -> !added.contains(i)).toList()));
                }
            }
            List<String> items = new ArrayList<>(target.items());
            items.addAll(added);
            Category updated = target.withItems(items);
            categories.replace(updated);
            int changed = syncAndAudit(request, "assign-items", updated, Set.of());
            return new CategoryChange(updated, changed);
        };
    }

    Endpoint deleteCategory() {
        return request -> {
            String id = request.pathParameter("id");
            Category old = categories.get(id).orElseThrow(() -> ApiException.notFound("unknown category '" + id + "'"));
            categories.delete(id);
            int changed = syncAndAudit(request, "delete-category", old, Set.of(old.name()));
            return new CategoryChange(old, changed);
        };
    }

    /**
     * Brings the catalogue in line with the changed categories and audits the change either way: a catalogue that
     * cannot follow right now (Elasticsearch down, nothing published yet) does not hide that the definition changed.
     */
    private int syncAndAudit(ApiRequest request, String action, Category category, Set<String> formerNames) {
        try {
            int changed = categorySync.apply(formerNames).changed();
            audit.record(request.caller().name(), action, category.id(), details(category, changed));
            return changed;
        } catch (RuntimeException e) {
            Map<String, Object> details = details(category, 0);
            details.put("catalogue", "not updated: " + e.getMessage());
            audit.record(request.caller().name(), action, category.id(), details);
            if (e instanceof IllegalStateException) {
                throw new ApiException(409, "category saved, but the catalogue cannot follow yet: " + e.getMessage()
                        + "; it will when a version is published");
            }
            throw e;
        }
    }

    Endpoint auditLog() {
        return request -> {
            int limit = request.integer("limit", 50, 1, 1000);
            String actor = request.string("actor").orElse(null);
            String action = request.string("action").orElse(null);
            Instant since = instant(request, "since");
            Instant until = instant(request, "until");
            List<AuditEntry> entries = actor == null && action == null && since == null && until == null
                    ? audit.latest(limit) : audit.search(actor, action, since, until, limit, 100_000);
            return Map.of("entries", entries);
        };
    }

    /** {@code GET /v1/admin/api-keys}: names and roles (never the keys, which are not kept). */
    Endpoint listKeys() {
        return request -> Map.of("keys", keys.keys().stream()
                .sorted(Comparator.comparing(ApiKeyStore.StoredKey::name))
                .map(k -> Map.of("name", k.name(), "role", k.role().name().toLowerCase())).toList(),
                "writable", keys.writable());
    }

    /** {@code POST /v1/admin/api-keys {"name", "role"}}: the key is in this answer and nowhere else, ever. */
    Endpoint createKey() {
        return request -> {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.body());
            } catch (IOException e) {
                body = null;
            }
            String name = body == null ? "" : body.path("name").asText("").strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw ApiException.badParameter("name", "1 to 64 letters, digits, '.', '_' or '-'");
            }
            Role role;
            try {
                role = Role.valueOf(body.path("role").asText("").strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("role", "shop or admin");
            }
            String key;
            try {
                key = keys.create(name, role);
            } catch (ApiKeyStore.ReadOnlyKeysException e) {
                throw new ApiException(409, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ApiException(409, e.getMessage());
            }
            audit.record(request.caller().name(), "create-api-key", name, Map.of("role", role.name().toLowerCase()));
            return ApiResponse.json(201, Map.of("name", name, "role", role.name().toLowerCase(), "key", key));
        };
    }

    /** {@code DELETE /v1/admin/api-keys/{name}}: the key stops working at once here, within a second elsewhere. */
    Endpoint revokeKey() {
        return request -> {
            String name = request.pathParameter("name");
            boolean revoked;
            try {
                revoked = keys.revoke(name);
            } catch (ApiKeyStore.ReadOnlyKeysException e) {
                throw new ApiException(409, e.getMessage());
            }
            if (!revoked) {
                throw ApiException.notFound("no API key named '" + name + "'");
            }
            audit.record(request.caller().name(), "revoke-api-key", name, Map.of());
            return Map.of("revoked", name);
        };
    }

    private static Instant instant(ApiRequest request, String name) {
        Optional<String> raw = request.string(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(raw.get());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw.get()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badParameter(name, "a UTC time like 2026-12-06T10:00:00Z or a date like 2026-12-06");
            }
        }
    }

    private void refreshQuietly() {
        try {
            tracker.refresh();
        } catch (RuntimeException e) {
            // the tracker's poller picks the switch up within its interval
        }
    }

    private static String idOf(String name) {
        try {
            return Category.idOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("name", "needs at least one letter or digit");
        }
    }

    private static Map<String, Object> details(Category c, int changed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("keywords", c.keywords());
        out.put("items", c.items());
        out.put("itemsChanged", changed);
        return out;
    }

    /** The JSON body of a category create or edit: {@code {"name": …, "keywords": [...], "items": [...]}}. */
    private record CategoryBody(String name, List<String> keywords, List<String> items) {
        static CategoryBody read(ApiRequest request, boolean complete) throws IOException {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.body());
            } catch (IOException e) {
                throw new ApiException(400, "body is not JSON: send {\"name\": \"…\", \"keywords\": [\"…\"]}");
            }
            if (body == null || !body.isObject()) {
                throw new ApiException(400, "body must be a JSON object: {\"name\": \"…\", \"keywords\": [\"…\"]}");
            }
            for (var names = body.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!field.equals("name") && !field.equals("keywords") && !field.equals("items")) {
                    throw ApiException.badParameter(field, "unknown field; a category has name, keywords and items");
                }
            }
            String name = Optional.ofNullable(body.get("name")).filter(JsonNode::isTextual).map(JsonNode::asText)
                    .map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (body.has("name") && name == null) {
                throw ApiException.badParameter("name", "must be a non-empty string");
            }
            if (name != null && name.length() > 100) {
                throw ApiException.badParameter("name", "at most 100 characters");
            }
            List<String> keywords = null;
            if (body.has("keywords")) {
                JsonNode k = body.get("keywords");
                if (!k.isArray() || k.isEmpty() || k.size() > 50) {
                    throw ApiException.badParameter("keywords", "must be an array of 1 to 50 words");
                }
                keywords = new ArrayList<>();
                for (JsonNode w : k) {
                    if (!w.isTextual() || w.asText().isBlank() || w.asText().length() > 50) {
                        throw ApiException.badParameter("keywords", "each keyword must be a word of 1 to 50 characters");
                    }
                    keywords.add(w.asText());
                }
            }
            List<String> items = null;
            if (body.has("items")) {
                JsonNode i = body.get("items");
                if (!i.isArray() || i.size() > 1000) {
                    throw ApiException.badParameter("items", "must be an array of at most 1000 item ids");
                }
                items = new ArrayList<>();
                for (JsonNode id : i) {
                    if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
                        throw ApiException.badParameter("items", "each item id must be a string of 1 to 100 characters");
                    }
                    items.add(id.asText());
                }
            }
            if (complete && (name == null || keywords == null)) {
                throw ApiException.badParameter(name == null ? "name" : "keywords", "required");
            }
            return new CategoryBody(name, keywords, items);
        }
    }
}
