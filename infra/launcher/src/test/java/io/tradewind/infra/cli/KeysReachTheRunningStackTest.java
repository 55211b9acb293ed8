package io.tradewind.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.infra.serve.ServingSession;
import io.tradewind.serving.api.auth.ApiKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code ./tradewind keys} wrote {@code target/serving/api-keys.json} while a running demo read
 * {@code target/demo/api-keys.json}, so its key got 401. Here a demo-style stack is "running" in a home of its own: its
 * key file where the demo keeps it, the running-stack file written by the code {@code ServingSession} writes it with,
 * at the place {@link ConfigFiles#runningStack()} names; the API's side is the {@link ApiKeyStore} it authenticates
 * with, opened before the key exists. The keys command, run with no option as a person would in another shell, must
 * add a key that store accepts. (LocalStackCommandsTest does the same over HTTP against {@code local up}'s stack.)
 */
class KeysReachTheRunningStackTest {
    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void ownHome() {
        previousHome = System.getProperty("tradewind.home");
        System.setProperty("tradewind.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("tradewind.home");
        } else {
            System.setProperty("tradewind.home", previousHome);
        }
    }

    @Test
    void aKeyCreatedWhileADemoRunsIsAcceptedByThatDemosApi() throws Exception {
        // As DemoCommand.serve sets its API up: a fresh key file under target/demo/, named in the platform config.
        Path demoKeys = SharedFiles.home().resolve("target").resolve("demo").resolve("api-keys.json").toAbsolutePath();
        Files.createDirectories(demoKeys.getParent());
        ServingSession.ensureKeys(demoKeys);
        ApiKeyStore runningApi = ApiKeyStore.open(demoKeys);
        PlatformConfig platform = PlatformConfig.fromEnvironment(Map.of())
                .with(PlatformKeys.API_KEYS_FILE, demoKeys.toString(), "the demo");
        ServingSession.writeRunningStack(platform, 18080, demoKeys, ConfigFiles.runningStack(), "http://127.0.0.1:18080");

        CommandLineErrorsTest.Outcome created = CommandLineErrorsTest.run("keys", "--name", "another-shell",
                "--role", "shop");
        assertEquals(0, created.exitCode(), created.err());
        String key = created.out().strip();
        assertTrue(created.err().contains("added to " + demoKeys), created.err());
        assertFalse(Files.exists(KeysCommand.defaultFile()), "nothing written to target/serving/api-keys.json");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runningApi.authenticate(key).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("another-shell", runningApi.authenticate(key).orElseThrow(
                () -> new AssertionError("the running demo's API refuses the key the keys command made")).name());
    }

    @Test
    void withNoStackRunningTheKeyGoesWhereAPlainServeReadsIt() throws Exception {
        assertFalse(Files.exists(ConfigFiles.runningStack()));
        CommandLineErrorsTest.Outcome created = CommandLineErrorsTest.run("keys", "--name", "before-serve",
                "--role", "admin");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(ApiKeyStore.open(KeysCommand.defaultFile()).authenticate(created.out().strip()).isPresent());
    }
}
