package io.tradewind.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.retrain.metrics.TextFormatSample;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.views.RetrainLock;
import io.tradewind.contracts.views.RetrainLockOwner;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.infra.serve.StoreEndpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scheduling examples in {@code ops/schedule/} do what {@code ops/README.md} says, on real components: the
 * crontab and the Airflow DAG are parsed (the crontab as cron reads it, the DAG's schedule, tasks, bash commands and
 * their order without Airflow), then their commands run for real, the crontab line under {@code sh} with cron's
 * environment and the DAG's commands under {@code bash} with their templates rendered, against an embedded HDFS,
 * HBase, Kafka and Elasticsearch and a configuration file written by the test. {@code ./tradewind} is stood in for by
 * {@link ScheduleCommandBridge}, which runs each invocation with {@code TradewindCli.run} in this JVM (the real
 * launcher would first build with Maven and start a JVM per command).
 *
 * <p>The host paths the examples name ({@code /opt/tradewind}, {@code /etc/tradewind/tradewind.properties},
 * node_exporter's textfile folder, {@code /var/log/tradewind/}) are replaced by the test's own; the data are a small
 * shop whose purchases end a week before today, so the crontab's own {@code date -u} gives the as-of.
 *
 * <p>The tests run in order, as the nights would: the cron job publishes today's version, the DAG backfills an
 * earlier date and re-runs today, then a held lock and a failed retrain each publish nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleExamplesTest {
    /** Tests run in the module's folder (infra/launcher). */
    static final Path REPO = Path.of("..", "..").toAbsolutePath().normalize();
    static final Path CRONTAB = REPO.resolve("ops/schedule/crontab");
    static final Path DAG_FILE = REPO.resolve("ops/schedule/airflow/tradewind_retrain.py");
    static final String WRAPPER = "ops/schedule/retrain-and-publish.sh";

    /** What the examples name on a real host (and ops/README.md documents), replaced by the test's own. */
    static final String INSTALL = "/opt/tradewind";
    static final String CONFIG = "/etc/tradewind/tradewind.properties";
    static final String TEXTFILE = "/var/lib/node_exporter/textfile/";
    static final String LOGS = "/var/log/tradewind/";
    static final String METRICS_FILE = "tradewind_retrain.prom";
    static final String LOG_FILE = "retrain.log";
    /** What each run printed (the cron job: what it appended to its log), kept for a look after a failure. */
    static final Path OUTPUTS = Path.of("target", "schedule-examples");

    static LocalDate today;
    static ScheduleCrontab crontab;
    static ScheduleDag dag;
    static Path dir;
    static EmbeddedHdfs hdfs;
    static EmbeddedServingStores stores;
    static String views;
    static Path config;
    static Path configWithoutEvents;
    static Path install;
    static Path textfile;
    static Path logs;
    static ScheduleCommandBridge bridge;
    /** The version the cron job made current and published, and the date it was as of (today, unless past midnight). */
    static String nightly;
    static LocalDate night;

    @BeforeAll
    static void start() throws Exception {
        today = LocalDate.now(ZoneOffset.UTC);
        night = today;
        if (Files.isDirectory(OUTPUTS)) {
            try (Stream<Path> old = Files.list(OUTPUTS)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        crontab = ScheduleCrontab.parse(Files.readString(CRONTAB));
        dag = ScheduleDag.parse(Files.readString(DAG_FILE));

        // Elasticsearch runs as another user here (it refuses root): the folder must be traversable.
        dir = Files.createTempDirectory("tradewind-schedule", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        hdfs = EmbeddedHdfs.start(dir.resolve("hdfs").toFile(), true);
        String events = hdfs.uri() + "/tradewind/events";
        views = hdfs.uri() + "/tradewind/views";
        Path csv = dir.resolve("shop.csv");
        Files.writeString(csv, shop(today));
        new EventImporter(hdfs.configuration()).run("online-retail", csv.toString(), events, ProgressListener.NONE);
        stores = EmbeddedServingStores.start(dir.resolve("stores"), new PrintStream(java.io.OutputStream.nullOutputStream()));
        StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), views, events);
        config = dir.resolve("etc").resolve("tradewind.properties");
        endpoints.toConfig().write(config, "ScheduleExamplesTest: the embedded stack");
        configWithoutEvents = dir.resolve("etc").resolve("no-events.properties");
        endpoints.toConfig().with(PlatformKeys.STORAGE_MASTER_DATASET, hdfs.uri() + "/tradewind/no-events", "test")
                .write(configWithoutEvents, "ScheduleExamplesTest: a master data set that does not exist");

        // The install folder: ./tradewind is the bridge, ops/schedule/ has this repository's wrapper (mode included).
        install = Files.createDirectories(dir.resolve("install"));
        Files.copy(REPO.resolve(WRAPPER), Files.createDirectories(install.resolve("ops/schedule"))
                .resolve("retrain-and-publish.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        bridge = ScheduleCommandBridge.start(install.resolve("tradewind"), dir.resolve("pipes"),
                ScheduleCommandBridge::tradewindCli);
        textfile = Files.createDirectories(dir.resolve("textfile"));
        logs = Files.createDirectories(dir.resolve("log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {stores, hdfs}) {
            if (c != null) {
                c.close();
            }
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void bothExamplesScheduleANightlyRetrainThenPublishInAFormTheirSchedulerAccepts() {
        // crontab: one job, daily at a fixed time, run by sh with a PATH that has java and mvn's usual folders.
        assertEquals(1, crontab.jobs().size(), "one job: " + crontab.jobs());
        ScheduleCrontab.Job job = crontab.jobs().get(0);
        assertTrue(job.timeFields().get(0).matches("\\d+") && job.timeFields().get(1).matches("\\d+"),
                "once a night at a fixed minute and hour: " + job.timeFields());
        assertEquals(List.of("*", "*", "*"), job.timeFields().subList(2, 5), "every day");
        assertEquals("/bin/sh", crontab.environment().get("SHELL"));
        List<String> path = List.of(crontab.environment().getOrDefault("PATH", "").split(":"));
        assertTrue(path.contains("/usr/bin") && path.contains("/bin"), "PATH=" + path);
        assertTrue(job.command().startsWith("cd " + INSTALL + " && "), job.command());
        assertTrue(job.command().contains(WRAPPER + " " + CONFIG
                + " \"$(date -u +%Y-%m-%dT00:00:00Z)\" " + TEXTFILE + METRICS_FILE), job.command());
        assertTrue(job.command().endsWith(" >> " + LOGS + LOG_FILE + " 2>&1"), "appended to the log: " + job.command());

        // The DAG: 02:00 UTC on a trigger timetable, no catch-up, one run at a time, retries.
        ScheduleDag.Call schedule = (ScheduleDag.Call) dag.dag().keyword("schedule").orElseThrow();
        assertEquals("CronTriggerTimetable", schedule.function());
        assertEquals(List.of("0 2 * * *"), schedule.positional());
        ScheduleCrontab.checkTimeFields(ScheduleCrontab.fieldsOf((String) schedule.positional().get(0)), "DAG schedule");
        assertEquals("UTC", schedule.keywords().get("timezone"));
        assertEquals("tradewind_retrain", dag.dag().keywords().get("dag_id"));
        assertEquals(Boolean.FALSE, dag.dag().keywords().get("catchup"), "catchup set, to False");
        assertEquals(1L, dag.dag().keywords().get("max_active_runs"));
        Map<?, ?> defaults = (Map<?, ?>) dag.dag().keyword("default_args").orElseThrow();
        assertTrue(defaults.get("retries") instanceof Long retries && retries >= 1, "retries: " + defaults);
        ScheduleDag.Call delay = (ScheduleDag.Call) defaults.get("retry_delay");
        assertEquals("timedelta", delay.function(), "retry_delay: " + defaults);

        assertEquals(List.of("retrain", "publish"), List.copyOf(dag.tasks().keySet()));
        assertEquals(List.of(List.of("retrain", "publish")), dag.dependencies(), "retrain >> publish");
        ScheduleDag.Call retrain = dag.tasks().get("retrain").call();
        assertEquals(3L, retrain.keywords().get("skip_on_exit_code"), "exit 3 skips the retrain, and publish with it");
        assertFalse(retrain.keywords().containsKey("retries"), "the retrain keeps the DAG's retries");
        assertTrue(isAllSuccess(dag.tasks().get("publish").call()), "publish runs only after a successful retrain");

        assertEquals(List.of("retrain", "--config", CONFIG, "--as-of", "2026-12-05T00:00:00Z", "--metrics-file",
                TEXTFILE + METRICS_FILE), invocation(render(dag.tasks().get("retrain").bashCommand(),
                LocalDate.parse("2026-12-05"))));
        assertEquals(List.of("publish", "--config", CONFIG),
                invocation(render(dag.tasks().get("publish").bashCommand(), LocalDate.parse("2026-12-05"))));
    }

    @Test
    @Order(2)
    void theCronJobRetrainsAsOfTodayThenPublishesThatVersion() throws Exception {
        Ran ran = runCronJob(config);

        assertEquals(0, ran.exitCode(), ran.log());
        assertEquals("", ran.output(), "nothing for cron to mail: everything went to the log");
        List<List<String>> calls = bridge.calls();
        assertEquals(2, calls.size(), "retrain, then publish: " + calls);
        String asOf = asOfIn(calls.get(0));
        assertTrue(asOf.equals(today + "T00:00:00Z") || asOf.equals(today.plusDays(1) + "T00:00:00Z"),
                "today 00:00 UTC (or tomorrow's, past midnight): " + asOf);
        assertEquals(List.of("retrain", "--config", config.toString(), "--as-of", asOf, "--metrics-file",
                textfile.resolve(METRICS_FILE).toString()), calls.get(0));
        assertEquals(List.of("publish", "--config", config.toString()), calls.get(1));

        nightly = current();
        night = LocalDate.parse(asOf.substring(0, 10));
        assertTrue(ran.log().contains("Published batch views " + nightly + " (as of " + asOf + ")"), ran.log());
        assertTrue(ran.log().contains("Published " + nightly + " (was nothing)"), ran.log());
        assertTrue(ran.log().lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "
                + "retrain-and-publish: done")), ran.log());
        List<TextFormatSample> metrics = TextFormatSample.parseAll(Files.readString(textfile.resolve(METRICS_FILE)));
        assertEquals(1, value(metrics, "tradewind_retrain_outcome", Map.of("outcome", "success")));
        assertEquals(1, value(metrics, "tradewind_retrain_last_success_info", Map.of("version", nightly, "current", "true")));

        ScheduleCommandBridge.Answer again = ScheduleCommandBridge.tradewindCli(calls.get(1));
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Version " + nightly + " is already serving (HBase registry and catalogue alias): nothing to do",
                again.out().strip(), "a second publish changes nothing");
    }

    @Test
    @Order(3)
    void theDagsBackfillOfAnEarlierDateWritesThatVersionAndLeavesCurrentAndWhatServesAlone() throws Exception {
        LocalDate earlier = night.minusDays(40);
        Ran retrain = runDagTask("retrain", earlier, config);

        assertEquals(0, retrain.exitCode(), retrain.output());
        assertEquals(List.of(List.of("retrain", "--config", config.toString(), "--as-of", earlier + "T00:00:00Z",
                "--metrics-file", textfile.resolve(METRICS_FILE).toString())), bridge.calls());
        Matcher wrote = Pattern.compile("Wrote batch views (\\S+) \\(as of " + earlier + "T00:00:00Z\\) at \\S+, not made "
                + "current: CURRENT stays at " + Pattern.quote(nightly) + " ").matcher(retrain.output());
        assertTrue(wrote.find(), retrain.output());
        String backfill = wrote.group(1);
        assertTrue(new ViewStore(views, hdfs.configuration()).versions().contains(backfill), "written: " + backfill);
        assertEquals(nightly, current(), "CURRENT untouched");

        Ran publish = runDagTask("publish", earlier, config);
        assertEquals(0, publish.exitCode(), publish.output());
        assertTrue(publish.output().contains("Version " + nightly + " is already serving (HBase registry and catalogue "
                + "alias): nothing to do"), "what serves is untouched: " + publish.output());
    }

    @Test
    @Order(4)
    void theDagsRunForTheSameDateIsAReRunThatWritesANewVersionAndPublishesIt() throws Exception {
        Ran retrain = runDagTask("retrain", night, config);
        assertEquals(0, retrain.exitCode(), retrain.output());
        String rerun = current();
        assertNotEquals(nightly, rerun, "a new version beside the earlier one");
        assertTrue(new ViewStore(views, hdfs.configuration()).versions().contains(nightly), "the earlier one is kept");
        assertTrue(retrain.output().contains("Published batch views " + rerun + " (as of " + night + "T00:00:00Z)"),
                retrain.output());

        Ran publish = runDagTask("publish", night, config);
        assertEquals(0, publish.exitCode(), publish.output());
        assertTrue(publish.output().contains("Published " + rerun + " (was " + nightly + ")"), publish.output());

        Ran retried = runDagTask("publish", night, config); // Airflow retrying or clearing the task
        assertEquals(0, retried.exitCode(), retried.output());
        assertTrue(retried.output().contains("Version " + rerun + " is already serving"), retried.output());
        nightly = rerun;
    }

    @Test
    @Order(5)
    void whileAnotherRetrainHoldsTheLockNeitherExampleRetrainsOrPublishes() throws Exception {
        ViewStore store = new ViewStore(views, hdfs.configuration());
        List<String> versions = store.versions();
        try (RetrainLock held = RetrainLock.acquire(store, RetrainLockOwner.thisProcess(Instant.now()),
                Duration.ofHours(6), false)) {
            Ran cron = runCronJob(config);
            assertEquals(0, cron.exitCode(), "exit 3 is no failure for cron: " + cron.log());
            assertEquals(1, bridge.calls().size(), "no publish: " + bridge.calls());
            assertEquals("retrain", bridge.calls().get(0).get(0));
            assertTrue(cron.log().contains("error: batch views at ") && cron.log().contains("are locked by another "
                    + "retrain: host "), cron.log());
            assertTrue(cron.log().contains("retrain-and-publish: another retrain holds the batch views' lock (retrain "
                    + "exit 3): nothing retrained, nothing published"), cron.log());
            assertEquals(1, value(TextFormatSample.parseAll(Files.readString(textfile.resolve(METRICS_FILE))),
                    "tradewind_retrain_outcome", Map.of("outcome", "locked")));

            Ran airflow = runDagTask("retrain", night, config);
            assertEquals(dag.tasks().get("retrain").call().keywords().get("skip_on_exit_code"),
                    (long) airflow.exitCode(), "the exit code the DAG skips on: " + airflow.output());
            assertTrue(airflow.output().contains("are locked by another retrain"), airflow.output());
            // Skipped, the retrain is not a success: publish (all_success, checked above) is skipped with it.
            assertTrue(isAllSuccess(dag.tasks().get("publish").call()));
        }
        assertEquals(versions, store.versions(), "nothing written");
        assertEquals(nightly, current());
    }

    @Test
    @Order(6)
    void aFailedRetrainPublishesNothingAndFailsTheJob() throws Exception {
        Ran cron = runCronJob(configWithoutEvents);
        assertEquals(1, cron.exitCode(), cron.log());
        assertEquals(1, bridge.calls().size(), "no publish: " + bridge.calls());
        assertTrue(cron.log().contains("error: no master data set at "), cron.log());
        assertTrue(cron.log().contains("retrain-and-publish: retrain failed (exit 1): nothing published"), cron.log());

        Ran airflow = runDagTask("retrain", night, configWithoutEvents);
        assertEquals(1, airflow.exitCode(), "a failure, which the DAG retries: " + airflow.output());
        assertEquals(nightly, current());
    }

    // --- running the examples' commands ---

    /** A run of a schedule's command: its exit code, what it printed, and (cron) what it appended to the log. */
    record Ran(int exitCode, String output, String log) {
    }

    /** The crontab's job, as cron runs it: {@code $SHELL -c COMMAND} in the home folder, with cron's environment. */
    static Ran runCronJob(Path configFile) throws Exception {
        String command = substitute(crontab.jobs().get(0).command(), Map.of(INSTALL, install.toString(),
                CONFIG, configFile.toString(), TEXTFILE, textfile + "/", LOGS, logs + "/"));
        Map<String, String> environment = new HashMap<>(crontab.environment());
        environment.put("HOME", dir.toString());
        environment.put("LOGNAME", System.getProperty("user.name"));
        Path log = logs.resolve(LOG_FILE);
        long before = Files.exists(log) ? Files.size(log) : 0;
        Ran ran = run(List.of(crontab.environment().getOrDefault("SHELL", "/bin/sh"), "-c", command), environment);
        byte[] all = Files.readAllBytes(log);
        String appended = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        keep("cron", command, ran.exitCode(), appended);
        return new Ran(ran.exitCode(), ran.output(), appended);
    }

    /** A DAG task's bash command, as Airflow's BashOperator runs it: rendered for the date, then {@code bash -c}. */
    static Ran runDagTask(String taskId, LocalDate ds, Path configFile) throws Exception {
        Map<String, String> paths = new LinkedHashMap<>(Map.of(INSTALL, install.toString(), CONFIG, configFile.toString()));
        if (taskId.equals("retrain")) {
            paths.put(TEXTFILE, textfile + "/");
        }
        String command = substitute(render(dag.tasks().get(taskId).bashCommand(), ds), paths);
        Ran ran = run(List.of("bash", "-c", command), new HashMap<>(System.getenv()));
        keep("dag-" + taskId + "-" + ds, command, ran.exitCode(), ran.output());
        return ran;
    }

    private static int kept;

    private static void keep(String name, String command, int exitCode, String output) throws IOException {
        Files.createDirectories(OUTPUTS);
        Files.writeString(OUTPUTS.resolve(String.format(Locale.ROOT, "%02d-%s.txt", ++kept, name)),
                "$ " + command + "\n" + output + "(exit " + exitCode + ")\n");
    }

    private static Ran run(List<String> command, Map<String, String> environment) throws Exception {
        bridge.forgetCalls();
        Path output = Files.createTempFile(dir, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("still running after 3 minutes: " + command + "\n" + Files.readString(output));
        }
        return new Ran(process.exitValue(), Files.readString(output), "");
    }

    /** Jinja as Airflow applies it to these commands: {@code {{ ds }}} is the run's date; no other template is used. */
    static String render(String command, LocalDate ds) {
        String rendered = command.replaceAll("\\{\\{\\s*ds\\s*\\}\\}", ds.toString());
        assertFalse(rendered.contains("{{") || rendered.contains("{%"), "a template other than {{ ds }}: " + command);
        return rendered;
    }

    /** The command with each host path replaced by the test's; each must be there, or the examples changed. */
    static String substitute(String command, Map<String, String> replacements) {
        String out = command;
        for (Map.Entry<String, String> e : new LinkedHashMap<>(replacements).entrySet()) {
            assertTrue(out.contains(e.getKey()), "the command no longer names " + e.getKey()
                    + " (update ops/README.md and this test): " + command);
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The {@code ./tradewind} invocation of a DAG task's {@code cd INSTALL && ./tradewind ARGS} command. */
    static List<String> invocation(String command) {
        String[] steps = command.split("&&");
        assertEquals(2, steps.length, "cd to the install folder, then one command: " + command);
        assertEquals("cd " + INSTALL, steps[0].strip());
        String run = steps[1].strip();
        assertTrue(run.startsWith("./tradewind "), run);
        assertFalse(run.matches(".*[\"'$`;|<>&\\\\(){}*?].*"), "plain words only, so they split as bash splits them: " + run);
        List<String> words = new ArrayList<>(List.of(run.split("\\s+")));
        words.remove(0);
        return words;
    }

    private static boolean isAllSuccess(ScheduleDag.Call task) {
        Object rule = task.keywords().get("trigger_rule");
        return rule == null || "all_success".equals(rule);
    }

    private static String asOfIn(List<String> retrain) {
        int i = retrain.indexOf("--as-of");
        assertTrue(i >= 0 && i + 1 < retrain.size(), "--as-of in " + retrain);
        return retrain.get(i + 1);
    }

    private static String current() throws IOException {
        return new ViewStore(views, hdfs.configuration()).current().orElseThrow();
    }

    private static double value(List<TextFormatSample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(TextFormatSample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + labels + " in " + samples));
    }

    /**
     * 36 customers, each loyal to one of three product families (items 21000-21005, 21010-21015, 21020-21025), buying a
     * few items of it about once a month for the year before {@code today}, the last a week before it.
     */
    static String shop(LocalDate today) {
        List<String> lines = new ArrayList<>();
        Random random = new Random(7);
        int invoice = 570000;
        for (int customer = 0; customer < 36; customer++) {
            int family = customer % 3;
            for (int month = 0; month < 12; month++) {
                invoice++;
                LocalDate day = today.minusDays(7 + 30L * month + customer % 20);
                for (int line = 0; line < 3; line++) {
                    int item = 21000 + family * 10 + random.nextInt(6);
                    lines.add(String.format(Locale.ROOT, "%d,%d,FAMILY %c ITEM %d,%d,%s 10:00:00,%.2f,%d.0,France", invoice, item,
                            (char) ('A' + family), item, 1 + random.nextInt(3), day, 1.5 + family, 13000 + customer));
                }
            }
        }
        lines.sort(Comparator.comparing((String line) -> line.split(",")[4]));
        return "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + String.join("\n", lines) + "\n";
    }
}
