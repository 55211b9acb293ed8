package io.tradewind.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.batch.retrain.TimeArgument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a person sees when a command line is wrong or a job cannot run: a one-line reason and an exit code. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    /** Runs the CLI and returns exit code + everything printed on stderr. */
    record Outcome(int exitCode, String err, String out) {
    }

    static Outcome run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = TradewindCli.run(args);
            return new Outcome(code, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    @Test
    void importThatRejectsEveryRowExitsNonZeroWithOneLine() throws java.io.IOException {
        Path csv = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,soon\n4,5,6,pv,later\n");
        Outcome o = run("import", "--source", "taobao", "--input", csv.toString(), "--to", dir.resolve("m").toString());
        assertEquals(1, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().filter(l -> l.startsWith("error:")).count(), "one line saying why: " + o.err());
        assertTrue(o.err().contains("no valid row, all 2 of 2 rows were rejected; first at line 2"), o.err());
    }

    @Test
    void importOverTheRejectedShareThresholdWarnsLoudly() throws java.io.IOException {
        Path csv = dir.resolve("half.csv");
        java.nio.file.Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n4,5,6,pv,later\n");
        Outcome o = run("import", "--source", "taobao", "--input", csv.toString(), "--to", dir.resolve("m").toString(),
                "--warn-rejected-share", "0.2");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("WARNING: 50.0 % of the rows were rejected"), o.err());
    }

    @Test
    void importBeforeACutHoldsBackLaterEventsAndALaterImportAddsThem() throws java.io.IOException {
        Path csv = dir.resolve("two-days.csv");
        java.nio.file.Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n"
                + "1,2,3,pv,1511658000\n4,5,6,buy,1511744400\n"); // 2017-11-26T01:00Z and a day later
        String target = dir.resolve("m").toString();
        Outcome cut = run("import", "--source", "taobao", "--input", csv.toString(), "--to", target,
                "--before", "2017-11-27");
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(cut.out().contains("read 2 = written 1 + already present 0 + skipped 1 + rejected 0"), cut.out());
        assertTrue(cut.out().contains("skipped 1: held back: dated at or after 2017-11-27T00:00:00Z"), cut.out());

        Outcome rest = run("import", "--source", "taobao", "--input", csv.toString(), "--to", target);
        assertTrue(rest.out().contains("read 2 = written 1 + already present 1 + skipped 0"), rest.out());
    }

    @Test
    void importTakesTheMasterDataSetFromTheConfigurationFile() throws java.io.IOException {
        Path csv = dir.resolve("one-day.csv");
        java.nio.file.Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n"
                + "1,2,3,pv,1511658000\n4,5,6,buy,1511658060\n");
        Path config = dir.resolve("tradewind.properties");
        java.nio.file.Files.writeString(config, "storage.master-dataset=" + dir.resolve("from-config").toUri() + "\n");
        Outcome o = run("import", "--source", "taobao", "--input", csv.toString(), "--config", config.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("read 2 = written 2"), o.out());
        assertTrue(java.nio.file.Files.isDirectory(dir.resolve("from-config")), "written where the file says");

        java.nio.file.Files.writeString(config, "api.port=8080\n");
        Outcome missing = run("import", "--source", "taobao", "--input", csv.toString(), "--config", config.toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("storage.master-dataset is not set: import (or pass --to) needs it"),
                missing.err());
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = run("--help");
        assertEquals(0, o.exitCode());
        assertTrue(o.out().contains("retrain"), o.out());
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> commands = new ArrayList<>();
        collectCommands(new CommandLine(new TradewindCli()), List.of(), commands);
        assertTrue(commands.size() > 10, "the commands and their sub-commands: " + commands);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(0, o.exitCode(), command + ": " + o.err());
            String usage = ("Usage: tradewind " + String.join(" ", command)).strip() + " ";
            assertTrue(o.out().startsWith(usage), command + ": " + o.out());
        }
    }

    private static void collectCommands(CommandLine line, List<String> path, List<List<String>> into) {
        into.add(path);
        line.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                collectCommands(sub, subPath, into);
            }
        });
    }

    @Test
    void unknownCommandIsAUsageError() {
        Outcome o = run("retrian");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("Unmatched argument"), o.err());
    }

    @Test
    void badAsOfNamesTheOptionAndTheAcceptedFormats() {
        Outcome o = run("retrain", "--events", "file:///x", "--out", "file:///y", "--as-of", "yesterday");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--as-of") && o.err().contains("2011-12-10T12:00:00"), o.err());
    }

    @Test
    void outOfRangeOptionValuesAreUsageErrors() {
        Outcome o = run("retrain", "--events", "file:///x", "--out", "file:///y", "--as-of", "2011-12-10",
                "--window-days", "0");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("portrait window must be positive"), o.err());
    }

    @Test
    void asOfAcceptsDatesLocalTimesAndOffsets() {
        TimeArgument time = new TimeArgument();
        assertEquals(java.time.Instant.parse("2011-12-10T00:00:00Z"), time.convert("2011-12-10"));
        assertEquals(java.time.Instant.parse("2011-12-10T12:00:00Z"), time.convert("2011-12-10T12:00:00"));
        assertEquals(java.time.Instant.parse("2011-12-10T12:00:00Z"), time.convert("2011-12-10T07:00:00-05:00"));
    }

    @Test
    void retrainWithoutMasterDataSetSaysWhatToDo() {
        String events = dir.resolve("no-events").toUri().toString();
        Outcome o = run("retrain", "--events", events, "--out", dir.resolve("views").toUri().toString(),
                "--as-of", "2011-12-10");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().startsWith("error: no master data set at " + events), o.err());
        assertTrue(o.err().contains("./tradewind import"), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    @Test
    void retrainOnALockedViewsRootExits3NamingTheHolder() throws Exception {
        String events = Files.createDirectories(dir.resolve("events")).toString();
        Path views = Files.createDirectories(dir.resolve("views"));
        long me = ProcessHandle.current().pid();
        writeLock(views, me, java.time.Instant.now().toString());
        Outcome o = run("retrain", "--events", events, "--as-of", "2011-12-01", "--out", views.toString());
        assertEquals(TradewindCli.EXIT_LOCKED, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertTrue(o.err().startsWith("error: batch views at "), o.err());
        assertTrue(o.err().contains("are locked by another retrain: host " + java.net.InetAddress.getLocalHost().getHostName()
                + ", pid " + me + ", user ops, since 2"), o.err());
    }

    @Test
    void aStaleLockExits3UntilBrokenWithTheFlag() throws Exception {
        String events = Files.createDirectories(dir.resolve("events")).toString();
        Path views = Files.createDirectories(dir.resolve("views"));
        writeLock(views, 1, "2011-01-01T00:00:00Z"); // far older than the 6 h timeout
        Outcome stale = run("retrain", "--events", events, "--as-of", "2011-12-01", "--out", views.toString());
        assertEquals(TradewindCli.EXIT_LOCKED, stale.exitCode(), stale.err());
        assertTrue(stale.err().contains("stale retrain lock") && stale.err().contains("older than the lock timeout of 6 h")
                && stale.err().contains("re-run with --break-lock"), stale.err());

        Outcome broken = run("retrain", "--events", events, "--as-of", "2011-12-01", "--out", views.toString(),
                "--break-lock");
        assertEquals(1, broken.exitCode(), "past the lock, the empty data set fails the run: " + broken.err());
        assertTrue(broken.err().startsWith("error: no events before --as-of"), broken.err());
        assertFalse(Files.exists(views.resolve("_retrain.lock")), "released after the failure");
    }

    @Test
    void retrainTakesItsStorageAndLockTimeoutFromTheConfigurationFileWithOptionsOverIt() throws Exception {
        String events = Files.createDirectories(dir.resolve("events")).toUri().toString();
        Path views = Files.createDirectories(dir.resolve("views"));
        Path config = dir.resolve("tradewind.properties");
        Files.writeString(config, "storage.master-dataset=" + events + "\nstorage.views=" + views.toUri()
                + "\nretrain.lock-timeout=1h\n");
        // pid 1 is alive on every host, so only the lock's age can make it stale.
        writeLock(views, 1, java.time.Instant.now().minus(java.time.Duration.ofHours(2)).toString());

        Outcome byFile = run("retrain", "--config", config.toString(), "--as-of", "2011-12-01");
        assertEquals(TradewindCli.EXIT_LOCKED, byFile.exitCode(), byFile.err());
        assertTrue(byFile.err().contains("older than the lock timeout of 1 h"), "the file's timeout: " + byFile.err());

        Outcome byOption = run("retrain", "--config", config.toString(), "--as-of", "2011-12-01", "--lock-timeout", "3h");
        assertEquals(TradewindCli.EXIT_LOCKED, byOption.exitCode(), byOption.err());
        assertTrue(byOption.err().contains("are locked by another retrain"), "young under 3 h: " + byOption.err());

        Files.writeString(config, "storage.master-dataset=" + events + "\n");
        Outcome noViews = run("retrain", "--config", config.toString(), "--as-of", "2011-12-01");
        assertEquals(2, noViews.exitCode(), noViews.err());
        assertTrue(noViews.err().contains("storage.views is not set: retrain (or pass --out) needs it"), noViews.err());

        Files.writeString(config, "retrain.lock-timeout=6 hours\n");
        Outcome badValue = run("retrain", "--config", config.toString(), "--as-of", "2011-12-01");
        assertEquals(2, badValue.exitCode(), badValue.err());
        assertTrue(badValue.err().contains("retrain.lock-timeout (" + config + ")"), badValue.err());
    }

    private static void writeLock(Path views, long pid, String since) throws java.io.IOException {
        Files.writeString(views.resolve("_retrain.lock"), "{\"id\":\"other\",\"host\":\""
                + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + pid + ",\"user\":\"ops\","
                + "\"startedAt\":\"" + since + "\",\"asOf\":\"2011-11-30T00:00:00Z\",\"command\":\"retrain\"}");
    }
}
