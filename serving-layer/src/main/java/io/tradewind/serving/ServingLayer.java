package io.tradewind.serving;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.admin.AdminTables;
import io.tradewind.serving.admin.AccountStore;
import io.tradewind.serving.admin.AuditLog;
import io.tradewind.serving.admin.ConsoleAccess;
import io.tradewind.serving.admin.ConsoleAccounts;
import io.tradewind.serving.admin.SessionStore;
import io.tradewind.serving.api.auth.PasswordHasher;
import io.tradewind.serving.admin.CategoryStore;
import io.tradewind.serving.admin.CategorySync;
import io.tradewind.serving.api.ApiServer;
import io.tradewind.serving.api.HealthCheck;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.catalogue.CatalogueIndex;
import io.tradewind.serving.catalogue.ElasticsearchConnection;
import io.tradewind.serving.catalogue.ProductSearch;
import io.tradewind.serving.events.KafkaEventSink;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.publish.Publisher;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.store.BatchViewLoader;
import io.tradewind.serving.store.HBaseServingStore;
import io.tradewind.serving.store.ModelRegistry;
import io.tradewind.contracts.hbase.ServingTables;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * The serving layer wired from one {@link ServingConfig}: two HBase connections (fail-fast for requests, patient
 * for loads and admin writes), the Elasticsearch catalogue, the publisher and, on demand, the HTTP API. The
 * launcher's publish, rollback and serve commands and the tests all start from here.
 */
public final class ServingLayer implements AutoCloseable {
    private static final int CATALOGUE_INDEX_CAP = 20;
    private final ServingConfig config;
    private final Connection servingConnection;
    private final Connection loadingConnection;
    private final HBaseServingStore store;
    private final ModelRegistry registry;
    private final ElasticsearchConnection elasticsearch;
    private final CatalogueIndex catalogue;
    private final Publisher publisher;
    private final CategoryStore categories;
    private final CategorySync categorySync;
    private final AuditLog audit;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Clock clock;
    private ActiveVersionTracker tracker;
    private ApiServer api;
    private KafkaEventSink events;

    private ServingLayer(ServingConfig config, ProgressListener progress, Connection loadingConnection,
                         Connection servingConnection, ElasticsearchConnection elasticsearch, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.loadingConnection = loadingConnection;
        this.servingConnection = servingConnection;
        this.elasticsearch = elasticsearch;
        this.store = new HBaseServingStore(servingConnection, config.hbaseSettings());
        this.registry = new ModelRegistry(loadingConnection, config.hbaseSettings());
        // Catalogue retention follows the registry's (Publisher.retainVersions); the count is only a safety cap.
        this.catalogue = new CatalogueIndex(elasticsearch, config.catalogueAlias(), CATALOGUE_INDEX_CAP);
        BatchViewLoader loader = new BatchViewLoader(loadingConnection, config.hbaseSettings(), config.hadoop(), progress);
        this.publisher = new Publisher(loader, registry, catalogue, config.hadoop(), progress);
        // What the API reads or writes per request (sessions on every console call, accounts, categories, the audit)
        // goes through the serving connection, which gives up within seconds: with HBase down a console call
        // answers 503 instead of waiting out the loading connection's minutes of retries. Re-applying categories
        // to the catalogue after a publish is batch work and keeps the patient connection.
        String namespace = config.hbaseSettings().namespace();
        this.categories = new CategoryStore(servingConnection, namespace);
        this.categorySync = new CategorySync(new CategoryStore(loadingConnection, namespace), catalogue);
        this.audit = new AuditLog(servingConnection, namespace, Clock.systemUTC());
        this.accounts = new AccountStore(servingConnection, namespace);
        this.sessions = new SessionStore(servingConnection, namespace);
    }

    /** Connects to HBase (creating missing tables) and Elasticsearch; starts no server. */
    public static ServingLayer open(ServingConfig config, ProgressListener progress) throws IOException {
        return open(config, progress, Clock.systemUTC());
    }

    /** With the clock console sessions and lockouts read (tests move it; the audit log keeps real time). */
    public static ServingLayer open(ServingConfig config, ProgressListener progress, Clock clock) throws IOException {
        Connection loading = ConnectionFactory.createConnection(config.hbaseSettings().loadingConfiguration(config.hbase()));
        Connection serving = null;
        ElasticsearchConnection es = null;
        try {
            ServingTables.createIfAbsent(loading, config.hbaseSettings());
            AdminTables.createIfAbsent(loading, config.hbaseSettings().namespace());
            serving = ConnectionFactory.createConnection(config.hbaseSettings().servingConfiguration(config.hbase()));
            es = ElasticsearchConnection.builder(config.elasticsearchUrl())
                    .credentials(config.elasticsearchCredentials()).open();
            return new ServingLayer(config, progress, loading, serving, es, clock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(loading);
            if (serving != null) {
                closeQuietly(serving);
            }
            if (es != null) {
                es.close();
            }
            throw e;
        }
    }

    public Publisher publisher() {
        return publisher;
    }

    /** Re-applies the category rules to the live catalogue (after a publish brought new items). */
    public CategorySync categorySync() {
        return categorySync;
    }

    /** Console accounts (the CLI's admin command and tests add them). */
    public ConsoleAccounts accounts() {
        return new ConsoleAccounts(accounts, sessions, audit, PasswordHasher.standard());
    }

    public AuditLog audit() {
        return audit;
    }

    public HBaseServingStore store() {
        return store;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public CatalogueIndex catalogue() {
        return catalogue;
    }

    /** Starts the HTTP API on the configured host and port (0 = any free port); returns it for its port. */
    public synchronized ApiServer startApi() {
        if (api != null) {
            return api;
        }
        ServingMetrics metrics = new ServingMetrics();
        if (config.events() == null) {
            throw new IllegalStateException("the API needs the events topic (ServingConfig.events) to take POST /v1/events");
        }
        events = new KafkaEventSink(config.events());
        tracker = new ActiveVersionTracker(store, config.preferredModel());
        List<HealthCheck> checks = List.of(
                new HealthCheck("hbase", store::activeVersion),
                new HealthCheck("elasticsearch", () -> {
                    String status = elasticsearch.clusterStatus();
                    if ("red".equals(status)) {
                        throw new IllegalStateException("cluster status red");
                    }
                }),
                new HealthCheck("event-stream", events::check));
        api = ApiServer.start(config.host(), config.port(), new ApiServer.Dependencies(
                store, tracker, events, config.events().futureTolerance(),
                ApiKeyStore.open(config.apiKeysFile()), metrics, checks, config.cacheEntries(),
                new ProductSearch(elasticsearch, config.catalogueAlias()), registry, publisher, categories, categorySync,
                audit, new ConsoleAccess(accounts, sessions, audit, PasswordHasher.standard(), config.sessions(), clock)));
        // After the API registered its cache warming: the first poll (at once) warms for the active version.
        tracker.startPolling(config.versionPollMillis());
        return api;
    }

    /** The active-version tracker of the running API (null before {@link #startApi()}). */
    public ActiveVersionTracker tracker() {
        return tracker;
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.close();
        }
        if (events != null) {
            events.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        elasticsearch.close();
        store.close();
        closeQuietly(servingConnection);
        closeQuietly(loadingConnection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // releasing sockets only
        }
    }
}
