package io.tradewind.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/schedule/retrain-and-publish.sh}'s handling of every exit code, run for real by {@code /bin/sh} with
 * {@code $TRADEWIND} naming a stand-in that answers with set exit codes (the real commands are run by
 * {@link ScheduleExamplesTest}). Publish runs only after a successful retrain; the retrain's 3 is a success that
 * publishes nothing; any other code is the script's own.
 */
class ScheduleWrapperTest {
    static final Path WRAPPER = ScheduleExamplesTest.REPO.resolve(ScheduleExamplesTest.WRAPPER);

    @TempDir
    static Path dir;
    static ScheduleCommandBridge fake;
    /** Exit code each command answers with, set per test. */
    static volatile Map<String, Integer> codes = Map.of();

    record Ran(int exitCode, String output, List<List<String>> calls) {
    }

    @BeforeAll
    static void start() throws Exception {
        fake = ScheduleCommandBridge.start(dir.resolve("fake-tradewind"), dir.resolve("pipes"), args -> {
            int code = codes.getOrDefault(args.get(0), 0);
            return new ScheduleCommandBridge.Answer(code, args.get(0) + " says hello\n",
                    code == 0 ? "" : "error: " + args.get(0) + " went wrong\n");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        fake.close();
    }

    @Test
    void aSuccessfulRetrainIsPublished() throws Exception {
        Ran ran = run(Map.of(), "/etc/t.properties", "2026-12-05T00:00:00Z", "/m/tradewind_retrain.prom");
        assertEquals(0, ran.exitCode(), ran.output());
        assertEquals(List.of(List.of("retrain", "--config", "/etc/t.properties", "--as-of", "2026-12-05T00:00:00Z",
                "--metrics-file", "/m/tradewind_retrain.prom"), List.of("publish", "--config", "/etc/t.properties")),
                ran.calls());
        assertTrue(ran.output().contains("retrain says hello") && ran.output().contains("publish says hello"), ran.output());
        assertTrue(ran.output().lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "
                + "retrain-and-publish: retrain as of 2026-12-05T00:00:00Z \\(configuration /etc/t.properties\\)")),
                ran.output());
    }

    @Test
    void withoutAMetricsFileTheRetrainIsRunWithoutOne() throws Exception {
        Ran ran = run(Map.of(), "/etc/t.properties", "2026-12-05");
        assertEquals(0, ran.exitCode(), ran.output());
        assertEquals(List.of("retrain", "--config", "/etc/t.properties", "--as-of", "2026-12-05"), ran.calls().get(0));
    }

    @Test
    void aLockedRetrainIsNoFailureAndPublishesNothing() throws Exception {
        Ran ran = run(Map.of("retrain", 3), "/etc/t.properties", "2026-12-05T00:00:00Z");
        assertEquals(0, ran.exitCode(), ran.output());
        assertEquals(1, ran.calls().size(), "no publish: " + ran.calls());
        assertTrue(ran.output().contains("error: retrain went wrong"), ran.output());
        assertTrue(ran.output().contains("another retrain holds the batch views' lock (retrain exit 3): nothing "
                + "retrained, nothing published"), ran.output());
    }

    @Test
    void aFailedRetrainPublishesNothingAndExitsWithItsCode() throws Exception {
        for (int code : new int[] {1, 2, 4}) {
            Ran ran = run(Map.of("retrain", code), "/etc/t.properties", "2026-12-05T00:00:00Z");
            assertEquals(code, ran.exitCode(), ran.output());
            assertEquals(1, ran.calls().size(), "no publish: " + ran.calls());
            assertTrue(ran.output().contains("retrain failed (exit " + code + "): nothing published"), ran.output());
        }
    }

    @Test
    void aFailedPublishFailsTheJob() throws Exception {
        Ran ran = run(Map.of("publish", 1), "/etc/t.properties", "2026-12-05T00:00:00Z");
        assertEquals(1, ran.exitCode(), ran.output());
        assertEquals(2, ran.calls().size());
        assertTrue(ran.output().contains("publish failed (exit 1): the version serving before still serves"), ran.output());
    }

    @Test
    void aWrongCommandLineIsAUsageErrorAndRunsNothing() throws Exception {
        for (List<String> args : List.of(List.of("/etc/t.properties"), List.of("a", "b", "c", "d"))) {
            Ran ran = run(Map.of(), args.toArray(String[]::new));
            assertEquals(2, ran.exitCode(), ran.output());
            assertTrue(ran.output().startsWith("usage: "), ran.output());
            assertEquals(List.of(), ran.calls());
        }
    }

    /** Runs the script itself (its #! line picks the shell, as cron's command does) with $TRADEWIND the stand-in. */
    private static Ran run(Map<String, Integer> exitCodes, String... args) throws Exception {
        codes = exitCodes;
        fake.forgetCalls();
        List<String> command = new ArrayList<>(List.of(WRAPPER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "TRADEWIND", fake.script().toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script ends");
        return new Ran(process.exitValue(), output, fake.calls());
    }
}
