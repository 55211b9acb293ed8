package io.tradewind.infra.cli;

import static io.tradewind.infra.cli.CommandLineErrorsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EventWalkTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tradewind local up | status | down} as an operator runs them: the whole embedded stack in a background JVM,
 * found by the other commands through the configuration file it writes, stopped without losing the events it was
 * given, and serving the same version again on the next {@code up}.
 */
class LocalStackCommandsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String previousHome;
    private static Path home;

    @BeforeAll
    static void ownHome() throws Exception {
        // Elasticsearch runs as another user here (it refuses root): the folders must be traversable.
        home = Files.createTempDirectory("tradewind-local", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        previousHome = System.getProperty("tradewind.home");
        System.setProperty("tradewind.home", home.toString());
    }

    @AfterAll
    static void stopAndRestore() {
        run("local", "down", "--timeout", "2m");
        if (previousHome == null) {
            System.clearProperty("tradewind.home");
        } else {
            System.setProperty("tradewind.home", previousHome);
        }
    }

    @Test
    void upStatusDownAndUpAgainServesWhatWasThereWithEveryEventArchived() throws Exception {
        CommandLineErrorsTest.Outcome nothing = run("local", "down");
        assertEquals(1, nothing.exitCode(), nothing.err());
        assertTrue(nothing.out().contains("No local stack is running: nothing to stop."), nothing.out());
        CommandLineErrorsTest.Outcome noStatus = run("local", "status");
        assertEquals(1, noStatus.exitCode());
        assertTrue(noStatus.out().contains("No local stack is running (./tradewind local up starts one)."), noStatus.out());

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLineErrorsTest.Outcome refused = run("local", "up", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("port " + taken.getLocalPort() + " is taken by another program: pass --port "
                    + "with a free one"), refused.err());
            assertTrue(LocalCommand.stack().running().isEmpty(), "nothing started");
        }

        up();
        CommandLineErrorsTest.Outcome twice = run("local", "up", "--port", "0");
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("a local stack is already running"), twice.err());

        CommandLineErrorsTest.Outcome status = run("local", "status");
        assertEquals(0, status.exitCode(), status.out());
        for (String component : new String[] {"API", "Elasticsearch", "Kafka + speed layer", "HBase", "HDFS"}) {
            assertTrue(status.out().lines().anyMatch(l -> l.strip().startsWith(component) && l.contains(" up ")),
                    component + " up: " + status.out());
        }

        // The other commands find the stack through the file it wrote: import, retrain and publish into it.
        PlatformConfig stack = PlatformConfig.load(ConfigFiles.runningStack(), Map.of());
        String events = stack.required(PlatformKeys.STORAGE_MASTER_DATASET, "test");
        Path csv = home.resolve("shop.csv");
        Files.writeString(csv, EventWalkTest.familyShop());
        assertEquals(0, run("import", "--source", "online-retail", "--input", csv.toString(), "--to", events).exitCode());
        CommandLineErrorsTest.Outcome retrained = run("retrain", "--config", ConfigFiles.runningStack().toString(),
                "--as-of", "2011-12-01");
        assertEquals(0, retrained.exitCode(), retrained.err());
        CommandLineErrorsTest.Outcome published = run("publish");
        assertEquals(0, published.exitCode(), published.err());
        String version = new ViewStore(stack.required(PlatformKeys.STORAGE_VIEWS, "test"), new Configuration())
                .current().orElseThrow();
        CommandLineErrorsTest.Outcome key = run("keys", "--name", "local-test", "--role", "shop");
        assertEquals(0, key.exitCode(), key.err());
        String shopKey = key.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        String api = "http://127.0.0.1:" + stack.integer(PlatformKeys.API_PORT);
        awaitRecommendations(api, shopKey, version);

        // Events accepted just before down must be archived by the time down returns.
        long now = System.currentTimeMillis();
        StringBuilder batch = new StringBuilder("[");
        Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < 30; i++) {
            ids.add("local-" + i);
            batch.append(i == 0 ? "" : ",").append("""
                    {"eventId":"local-%d","userId":"13001","itemId":"2100%d","type":"view","timestamp":%d}"""
                    .formatted(i, i % 6, now + i));
        }
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/v1/events"))
                .header("X-Api-Key", shopKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());

        CommandLineErrorsTest.Outcome down = run("local", "down");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(down.out().contains("Local stack stopped."), down.out());
        assertTrue(down.out().contains("Speed layer stopped; its archive is committed."), down.out());
        assertTrue(LocalCommand.stack().running().isEmpty());
        assertFalse(Files.exists(ConfigFiles.runningStack()), "the running stack's file goes with it");
        CommandLineErrorsTest.Outcome afterDown = run("local", "status");
        assertEquals(1, afterDown.exitCode());

        EmbeddedHdfs kept = EmbeddedHdfs.start(LocalCommand.stack().workDir().resolve("hdfs").toFile(), false);
        try (Stream<BehaviourEvent> archived = MasterDatasetReader.at(kept.uri() + "/tradewind/events",
                kept.configuration()).events(DateRange.all())) {
            Set<String> found = archived.map(BehaviourEvent::eventId).filter(ids::contains).collect(Collectors.toSet());
            assertEquals(ids, found, "every accepted event is in the master data set after down");
        } finally {
            kept.closeKeepingData();
        }

        up();
        PlatformConfig again = PlatformConfig.load(ConfigFiles.runningStack(), Map.of());
        awaitRecommendations("http://127.0.0.1:" + again.integer(PlatformKeys.API_PORT), shopKey, version);
        CommandLineErrorsTest.Outcome downAgain = run("local", "down");
        assertEquals(0, downAgain.exitCode(), downAgain.err());
        assertTrue(downAgain.out().contains("Speed layer stopped; its archive is committed."),
                "a job still deploying its tasks is stopped cleanly too: " + downAgain.out());
    }

    private static void up() throws Exception {
        CommandLineErrorsTest.Outcome up = run("local", "up", "--port", "0", "--jvm-options", "-Xmx2g");
        assertEquals(0, up.exitCode(), up.err() + up.out());
        assertTrue(up.out().contains("Local stack running (pid "), up.out());
        assertTrue(up.out().contains("Configuration (the keys a cloud deployment's file has; other commands read it): "
                + ConfigFiles.runningStack()), up.out());
    }

    /** The recommendations of a user of the shop come from {@code version}, the one the last stack published. */
    private static void awaitRecommendations(String api, String key, String version) throws Exception {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/v1/users/13000/recommendations?k=5"))
                    .header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode body = JSON.readTree(r.body());
                assertEquals(version, body.path("version").asText(), r.body());
                assertTrue(body.path("items").size() > 0, r.body());
                return;
            }
            Thread.sleep(500); // a key just added is read within a second
        }
        throw new AssertionError("no recommendations: " + r.statusCode() + " " + r.body());
    }
}
