package io.tradewind.infra.ops;

import io.tradewind.infra.cli.TradewindCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for {@code ./tradewind} that shell scripts can run while the command itself runs in this JVM: a small
 * POSIX sh script writes its arguments to a named pipe and waits; this JVM reads them, runs them (normally with
 * {@link TradewindCli#run}, on the stores the test started), and answers with the exit code and what the command
 * printed, which the script prints and exits with. So a crontab line or a DAG's bash command runs for real in
 * {@code sh}/{@code bash}, wrapper script included, and what it invokes runs the real command line in-process.
 *
 * <p>One invocation at a time (the schedules run their commands one after the other). The command runs with this
 * JVM's environment and working directory, not the shell's: paths in the commands must be absolute. The script
 * prints the command's standard output first, then its standard error, so their lines are not interleaved as a
 * terminal would show them.
 */
final class ScheduleCommandBridge implements AutoCloseable {

    /** What an invocation answers: its exit code and what it printed. */
    record Answer(int exitCode, String out, String err) {
    }

    private final Path dir;
    private final Path script;
    private final Function<List<String>, Answer> handler;
    private final List<List<String>> calls = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    private ScheduleCommandBridge(Path dir, Path script, Function<List<String>, Answer> handler) {
        this.dir = dir;
        this.script = script;
        this.handler = handler;
        this.thread = new Thread(this::serve, "schedule-command-bridge");
        this.thread.setDaemon(true);
    }

    /**
     * Starts answering for the script written at {@code script} (its pipes live in {@code pipes}).
     *
     * @param handler runs one invocation's arguments; {@link #tradewindCli} runs the real command line
     */
    static ScheduleCommandBridge start(Path script, Path pipes, Function<List<String>, Answer> handler)
            throws IOException, InterruptedException {
        Files.createDirectories(pipes);
        for (String fifo : List.of("request", "response")) {
            Process mkfifo = new ProcessBuilder("mkfifo", pipes.resolve(fifo).toString()).inheritIO().start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo " + pipes.resolve(fifo) + " failed");
            }
        }
        Files.createDirectories(script.toAbsolutePath().getParent());
        Files.writeString(script, """
                #!/bin/sh
                # Stands in for ./tradewind in a test: hands its arguments to the test's JVM, which runs them.
                pipes='%s'
                { echo call; for arg in "$@"; do printf '%%s\\n' "$arg"; done; } > "$pipes/request"
                read -r code < "$pipes/response"
                cat "$pipes/out"
                cat "$pipes/err" >&2
                exit "$code"
                """.formatted(pipes.toAbsolutePath()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScheduleCommandBridge bridge = new ScheduleCommandBridge(pipes.toAbsolutePath(), script, handler);
        bridge.thread.start();
        return bridge;
    }

    /** Runs {@code ./tradewind ARGS} as the launcher would, in this JVM: exit code, standard output and error. */
    static Answer tradewindCli(List<String> args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = TradewindCli.run(args.toArray(String[]::new));
            return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The script that stands in for {@code ./tradewind}. */
    Path script() {
        return script;
    }

    /** The arguments of every invocation so far, in order. */
    synchronized List<List<String>> calls() {
        return List.copyOf(calls);
    }

    synchronized void forgetCalls() {
        calls.clear();
    }

    private void serve() {
        try {
            while (!stopping) {
                List<String> request = Files.readAllLines(dir.resolve("request"), StandardCharsets.UTF_8);
                if (stopping || request.isEmpty() || !request.get(0).equals("call")) {
                    continue;
                }
                List<String> args = List.copyOf(request.subList(1, request.size()));
                synchronized (this) {
                    calls.add(args);
                }
                Answer answer;
                try {
                    answer = handler.apply(args);
                } catch (RuntimeException | Error e) {
                    answer = new Answer(70, "", "bridge: " + e + "\n");
                }
                Files.writeString(dir.resolve("out"), answer.out(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("err"), answer.err(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("response"), answer.exitCode() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            if (!stopping) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        // The server waits for a writer on the request pipe: be that writer once, from a thread that may block.
        Thread wake = new Thread(() -> {
            try (OutputStream request = Files.newOutputStream(dir.resolve("request"))) {
                request.write("stop\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the server is gone already
            }
        }, "schedule-command-bridge-stop");
        wake.setDaemon(true);
        wake.start();
        thread.join(5_000);
    }
}
