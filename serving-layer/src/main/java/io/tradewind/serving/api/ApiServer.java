package io.tradewind.serving.api;

import io.tradewind.serving.admin.AuditLog;
import io.tradewind.serving.admin.CategoryStore;
import io.tradewind.serving.admin.CategorySync;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.admin.ConsoleAccess;
import io.tradewind.serving.api.auth.Permission;
import io.tradewind.serving.api.http.Access;
import io.tradewind.serving.api.http.CallerCheck;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.api.http.EndpointHandler;
import io.tradewind.serving.catalogue.ProductSearch;
import io.tradewind.serving.events.EventSink;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.publish.Publisher;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.recommend.RecommendationService;
import io.tradewind.serving.store.ModelRegistry;
import io.tradewind.serving.store.ServingStore;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API shops call (Undertow). Routes are listed here in one place; each endpoint is its own class.
 * The OpenAPI description is {@code serving-layer/src/main/resources/openapi.yaml}, kept true by tests.
 */
public final class ApiServer implements AutoCloseable {
    /** Bodies up to this size get a clean 413 when over the API's limit; larger ones are cut off. */
    static final long DRAINED_BODY_BYTES = 16L * ApiRequest.MAX_BODY_BYTES;

    /** What the API is built on; the launcher wires production or embedded stores into it. */
    public record Dependencies(
            ServingStore store,
            ActiveVersionTracker versions,
            EventSink events,
            java.time.Duration eventFutureTolerance,
            ApiKeyStore keys,
            ServingMetrics metrics,
            List<HealthCheck> healthChecks,
            long cacheEntries,
            ProductSearch search,
            ModelRegistry registry,
            Publisher publisher,
            CategoryStore categories,
            CategorySync categorySync,
            AuditLog audit,
            ConsoleAccess console) {
    }

    private final Undertow server;
    private final int port;
    private final List<String> routes;

    private ApiServer(Undertow server, int port, List<String> routes) {
        this.server = server;
        this.port = port;
        this.routes = List.copyOf(routes);
    }

    /** Starts listening on {@code host:port}; port 0 picks a free one (see {@link #port()}). */
    public static ApiServer start(String host, int port, Dependencies d) {
        ActiveVersions versions = new ActiveVersions(d.versions());
        RecommendationService recommendations = new RecommendationService(d.store(), d.metrics(), d.cacheEntries());
        d.versions().beforeServing(v -> recommendations.warmItems(v.version()));
        Routes r = new Routes(d);
        Access shops = Access.to(Permission.SERVE_SHOPS);
        r.get("/v1/users/{id}/recommendations", "recommendations", shops,
                new RecommendationsEndpoint(versions, recommendations));
        r.get("/v1/users/{id}/portrait", "portrait", shops, new PortraitEndpoint(versions, d.store()));
        r.get("/v1/items/{id}/similar", "similar", shops,
                new SimilarItemsEndpoint(versions, d.store(), recommendations, d.metrics()));
        r.get("/v1/segments", "segments", shops, new SegmentsEndpoint(versions, d.store()));
        r.get("/v1/search", "search", Access.to(Permission.SEARCH_PRODUCTS),
                new SearchEndpoint(d.search(), d.versions(), d.store(), d.metrics()));
        r.post("/v1/events", "events", shops, new EventsEndpoint(d.events(), d.eventFutureTolerance()));

        AdminEndpoints admin = new AdminEndpoints(d.registry(), d.publisher(), d.versions(), d.categories(),
                d.categorySync(), d.audit(), d.keys());
        r.get("/v1/admin/versions", "admin-versions", Access.to(Permission.READ_VERSIONS), admin.versions());
        r.post("/v1/admin/versions/{version}/activate", "admin-activate", Access.to(Permission.SWITCH_VERSIONS),
                admin.activate());
        r.post("/v1/admin/versions/rollback", "admin-rollback", Access.to(Permission.SWITCH_VERSIONS), admin.rollback());
        Access editCategories = Access.to(Permission.EDIT_CATEGORIES);
        r.get("/v1/admin/categories", "admin-categories", Access.to(Permission.READ_CATEGORIES), admin.listCategories());
        r.post("/v1/admin/categories", "admin-category-create", editCategories, admin.createCategory());
        r.put("/v1/admin/categories/{id}", "admin-category-edit", editCategories, admin.editCategory());
        r.delete("/v1/admin/categories/{id}", "admin-category-delete", editCategories, admin.deleteCategory());
        r.post("/v1/admin/categories/{id}/items", "admin-category-assign", editCategories, admin.assignItems());
        r.get("/v1/admin/audit", "admin-audit", Access.to(Permission.READ_AUDIT), admin.auditLog());
        Access keys = Access.to(Permission.MANAGE_API_KEYS);
        r.get("/v1/admin/api-keys", "admin-keys", keys, admin.listKeys());
        r.post("/v1/admin/api-keys", "admin-key-create", keys, admin.createKey());
        r.delete("/v1/admin/api-keys/{name}", "admin-key-revoke", keys, admin.revokeKey());

        AuthEndpoints auth = new AuthEndpoints(d.console());
        r.post("/v1/auth/sign-in", "sign-in", Access.OPEN, auth.signIn());
        r.post("/v1/auth/sign-out", "sign-out", Access.SIGNED_IN, auth.signOut());
        r.get("/v1/auth/session", "session", Access.SIGNED_IN, auth.session());

        r.get("/health", "health", Access.OPEN, new HealthEndpoint(d.healthChecks()));
        r.get("/metrics", "metrics", Access.OPEN, request -> ApiResponse.text(d.metrics().scrape(), ServingMetrics.CONTENT_TYPE));
        r.get("/openapi.yaml", "openapi", Access.OPEN, new OpenApiEndpoint());
        r.routing.setFallbackHandler(r.handler("not-found", Access.OPEN, request -> {
            throw ApiException.notFound("no such resource; see /openapi.yaml for the API");
        }));
        r.routing.setInvalidMethodHandler(r.handler("method-not-allowed", Access.OPEN, request -> {
            throw new ApiException(405, request.method() + " is not allowed here");
        }));

        Undertow server = Undertow.builder()
                .addHttpListener(port, host)
                // Undertow's limit (2 MiB by default) drops the connection without an answer. Ours (4 MiB) answers 413,
                // and Undertow drains the rest of the body up to this bound, so the client reads the 413; only a body
                // over the bound (an abuse, not a mistake) loses its connection.
                .setServerOption(io.undertow.UndertowOptions.MAX_ENTITY_SIZE, DRAINED_BODY_BYTES)
                .setHandler(WebPage.around(r.routing))
                .build();
        server.start();
        int bound = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new ApiServer(server, bound, r.routes);
    }

    public int port() {
        return port;
    }

    /** Every route as {@code "GET /v1/segments"}; the OpenAPI test compares them with the document. */
    public List<String> routes() {
        return routes;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Route table with the shared wrapping (auth, errors, metrics). */
    private static final class Routes {
        final RoutingHandler routing = Handlers.routing();
        final List<String> routes = new ArrayList<>();
        final Dependencies d;
        final CallerCheck callers;

        Routes(Dependencies d) {
            this.d = d;
            this.callers = new CallerCheck(d.keys(), d.console());
        }

        void get(String path, String name, Access access, Endpoint endpoint) {
            routing.get(path, handler(name, access, endpoint));
            routes.add("GET " + path);
        }

        void post(String path, String name, Access access, Endpoint endpoint) {
            routing.post(path, handler(name, access, endpoint));
            routes.add("POST " + path);
        }

        void put(String path, String name, Access access, Endpoint endpoint) {
            routing.put(path, handler(name, access, endpoint));
            routes.add("PUT " + path);
        }

        void delete(String path, String name, Access access, Endpoint endpoint) {
            routing.delete(path, handler(name, access, endpoint));
            routes.add("DELETE " + path);
        }

        EndpointHandler handler(String name, Access access, Endpoint endpoint) {
            return new EndpointHandler(name, access, endpoint, callers, d.metrics());
        }
    }
}
