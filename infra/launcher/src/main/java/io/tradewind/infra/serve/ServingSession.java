package io.tradewind.infra.serve;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import io.tradewind.serving.publish.Publisher;
import io.tradewind.serving.store.VersionState;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The serving layer as {@code demo} and {@code serve} run it: stores connected, a batch-view version published,
 * API keys ready, the API and page listening, and the calls to try printed.
 */
public final class ServingSession implements AutoCloseable {
    private final ServingLayer layer;
    private final Path runningStackFile;
    private final String baseUrl;

    private ServingSession(ServingLayer layer, Path runningStackFile, String baseUrl) {
        this.layer = layer;
        this.runningStackFile = runningStackFile;
        this.baseUrl = baseUrl;
    }

    /**
     * @param platform         the stores, the events topic and the listener ({@code api.host}, {@code api.port}; port 0
     *                         takes a free one)
     * @param views            batch-views root to publish from (its CURRENT version), or null to serve what is active
     * @param keysFile         hashed API keys when the configuration names none; a shop and an admin key are created
     *                         (and printed once) by {@link #ensureKeys} when it has none
     * @param runningStackFile where the configuration is written, with the bound port and the keys file, while this
     *                         session serves: how {@code publish}, {@code rollback} and {@code keys} in another shell
     *                         find it
     */
    public static ServingSession start(PlatformConfig platform, Configuration hadoop, String views, Path keysFile,
                                       Path runningStackFile, ProgressListener progress, PrintStream out) throws IOException {
        ServingConfig config = ServingConfig.from(platform, "serve", true, hadoop, keysFile);
        ServingLayer layer = ServingLayer.open(config, progress);
        try {
            if (views != null && alreadyLoaded(layer, views, hadoop)) {
                out.println("The views' current version is loaded already; serving the active version "
                        + layer.registry().activeVersion().orElse("(none)") + " (a rollback stays rolled back).");
            } else if (views != null) {
                Publisher.Published published = layer.publisher().publish(views, Optional.empty());
                layer.categorySync().apply();
                out.printf("Published batch views %s: %,d rows into HBase, %,d products into Elasticsearch index %s%n",
                        published.version(), published.load().totalRows(), published.catalogue().items(),
                        published.catalogue().index());
            }
            int bound;
            try {
                bound = layer.startApi().port();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof BindException) {
                    throw new IllegalArgumentException("port " + config.port() + " is in use: pass --port with a free one",
                            e);
                }
                throw e;
            }
            String host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
            String baseUrl = "http://" + host + ":" + bound;
            writeRunningStack(platform, bound, config.apiKeysFile(), runningStackFile, baseUrl);
            return new ServingSession(layer, runningStackFile, baseUrl);
        } catch (IOException | RuntimeException e) {
            layer.close();
            throw e;
        }
    }

    /**
     * Writes the configuration other shells' commands find this API by: the platform's keys with the bound port and
     * the absolute path of the key file the API reads (so {@code keys} adds to that file, wherever it is).
     */
    public static void writeRunningStack(PlatformConfig platform, int port, Path keysFile, Path runningStackFile,
                                         String baseUrl) throws IOException {
        platform.with(PlatformKeys.API_PORT, Integer.toString(port), "the running API")
                .with(PlatformKeys.API_KEYS_FILE, keysFile.toAbsolutePath().toString(), "the running API")
                .write(runningStackFile, "Written by a running Tradewind API (" + baseUrl + ") for the commands of "
                        + "other shells; deleted when it stops. docs/configuration.md explains every key.");
    }

    /** A restart must not re-publish what an operator may have rolled back from. */
    private static boolean alreadyLoaded(ServingLayer layer, String views, Configuration hadoop) throws IOException {
        Optional<String> current = new ViewStore(views, hadoop).current();
        return current.isPresent() && layer.registry().status(current.get())
                .filter(s -> s.state() == VersionState.READY).isPresent();
    }

    /** Creates a shop and an admin key when the file has none; returns them in clear (shown once), else empty. */
    public static List<String> ensureKeys(Path keysFile) {
        ApiKeyStore keys = ApiKeyStore.open(keysFile);
        if (!keys.keys().isEmpty()) {
            return List.of();
        }
        return List.of(keys.create("demo-shop", Role.SHOP), keys.create("demo-admin", Role.ADMIN));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ServingLayer layer() {
        return layer;
    }

    /** Prints the page URL and calls to try, with real user and item ids. */
    public void printHowToUse(List<String> newKeys, Path keysFile, List<String> exampleUsers, String exampleItem,
                              PrintStream out) {
        out.println();
        out.println("Tradewind API and page: " + baseUrl);
        if (newKeys.size() == 2) {
            out.println("  shop key  (role shop):  " + newKeys.get(0));
            out.println("  admin key (role admin): " + newKeys.get(1));
            out.println("  (shown once; only their hashes are kept in " + keysFile + ")");
            out.println("  Page: " + baseUrl + "/#key=" + newKeys.get(0));
        } else {
            out.println("  API keys: " + keysFile + " (hashed); create one with ./tradewind keys --name NAME --role shop");
            out.println("  Page: " + baseUrl + "/ (paste a shop key)");
        }
        String key = newKeys.isEmpty() ? "$KEY" : newKeys.get(0);
        out.println("  Admin console: " + baseUrl + "/admin/ (make its first account from another shell: "
                + "./tradewind admin add-user --name NAME --role admin)");
        out.println("Try:");
        for (String user : exampleUsers) {
            out.println("  curl -H 'X-Api-Key: " + key + "' '" + baseUrl + "/v1/users/" + user + "/recommendations?k=5'");
        }
        out.println("  curl -H 'X-Api-Key: " + key + "' '" + baseUrl + "/v1/search?q=candle+holders"
                + (exampleUsers.isEmpty() ? "" : "&user=" + exampleUsers.get(0)) + "'");
        if (exampleItem != null) {
            out.println("  curl -H 'X-Api-Key: " + key + "' '" + baseUrl + "/v1/items/" + exampleItem + "/similar'");
        }
        out.println("  curl " + baseUrl + "/health        curl " + baseUrl + "/metrics        " + baseUrl + "/openapi.yaml");
        out.println("Publish another version or roll back from another shell: ./tradewind publish --views URI | ./tradewind rollback");
    }

    /**
     * Serves until the process is stopped (Ctrl+C): the stop closes {@code resources} in order (this session first,
     * then the stores), so HBase flushes and Elasticsearch's child process ends with the JVM.
     */
    public void serveUntilStopped(PrintStream out, AutoCloseable... resources) throws InterruptedException {
        serveUntilStopped(out, null, resources);
    }

    /**
     * Serves until Ctrl+C, or until {@code stopFile} (if not null) appears, which is how {@code ./tradewind local down}
     * asks a background stack to stop; then closes {@code resources} in order. A stop by file closes them on this
     * thread, before the JVM's own shutdown hooks close the file systems under them.
     */
    public void serveUntilStopped(PrintStream out, Path stopFile, AutoCloseable... resources)
            throws InterruptedException {
        out.println("Serving; press Ctrl+C to stop.");
        Thread onCtrlC = new Thread(() -> closeAll(resources), "tradewind-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        if (stopFile == null) {
            Thread.currentThread().join();
            return;
        }
        while (!Files.exists(stopFile)) {
            Thread.sleep(500);
        }
        out.println("Stop requested (" + stopFile + ") ...");
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        closeAll(resources);
        try {
            Files.deleteIfExists(stopFile);
        } catch (IOException e) {
            out.println("could not remove " + stopFile + ": " + e.getMessage());
        }
        out.println("Stopped.");
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(runningStackFile);
        } catch (IOException ignored) {
            // a stale file is reported clearly by the next publish
        }
        layer.close();
    }
}
