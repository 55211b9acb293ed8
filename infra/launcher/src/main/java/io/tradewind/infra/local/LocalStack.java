package io.tradewind.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded stack that {@code ./tradewind local up} runs in the background: {@code ./tradewind serve} (HDFS, HBase,
 * Kafka, Elasticsearch, the speed layer and the API) in a JVM of its own, with its files under {@code target/local/}.
 * The running serve writes the same configuration file a cloud deployment's outputs generate, which the other commands
 * of this machine read; {@code down} asks it to stop through a file, so it stops its parts in order and keeps HDFS's
 * data for the next {@code up}.
 */
public final class LocalStack {
    private final Path dir;
    private final Path home;
    private final Path configFile;

    /**
     * @param home       the {@code tradewind.home} the stack runs in
     * @param configFile the file a running serve writes for the commands of other shells
     */
    public LocalStack(Path home, Path configFile) {
        this.home = home.toAbsolutePath().normalize();
        this.dir = this.home.resolve("target").resolve("local");
        this.configFile = configFile;
    }

    public Path workDir() {
        return dir.resolve("work");
    }

    public Path log() {
        return dir.resolve("stack.log");
    }

    public Path libraryLog() {
        return dir.resolve("libraries.log");
    }

    public Path configFile() {
        return configFile;
    }

    private Path pidFile() {
        return dir.resolve("stack.pid");
    }

    private Path stopFile() {
        return dir.resolve("stop-request");
    }

    /** The stack's process, if one runs: the pid file names it and that pid is still the process it started. */
    public Optional<ProcessHandle> running() throws IOException {
        if (!Files.isRegularFile(pidFile())) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(pidFile(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(p.getProperty("pid", "-1")));
        String started = p.getProperty("started", "");
        // A reused pid belongs to another program: the start time tells them apart.
        return process.filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(Instant::toString).orElse("").equals(started));
    }

    /**
     * Starts the stack and waits until its API answers, echoing its output; a stack that does not come up is stopped
     * again, so nothing is left half-started.
     */
    public ProcessHandle up(int port, List<String> jvmOptions, Duration timeout, PrintStream out)
            throws IOException, InterruptedException {
        Optional<ProcessHandle> already = running();
        if (already.isPresent()) {
            throw new IllegalStateException("a local stack is already running (pid " + already.get().pid() + "): "
                    + "./tradewind local status shows it, ./tradewind local down stops it");
        }
        if (Files.exists(configFile)) {
            throw new IllegalStateException("a ./tradewind serve or demo is running in another shell (it wrote "
                    + configFile + "); stop it first, as both would use the same files (if none runs, delete that file)");
        }
        requireFree(port);
        Files.createDirectories(dir);
        Files.deleteIfExists(stopFile());
        Files.deleteIfExists(pidFile());
        Files.writeString(log(), "");
        List<String> command = ChildJvm.command(jvmOptions, home, libraryLog(), List.of("serve", "--work-dir",
                workDir().toString(), "--port", Integer.toString(port), "--stop-file", stopFile().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        ProcessHandle handle = process.toHandle();
        Files.writeString(pidFile(), "pid=" + handle.pid() + "\nstarted="
                + handle.info().startInstant().map(Instant::toString).orElse("") + "\n");
        out.println("Local stack starting (pid " + handle.pid() + "), output in " + log() + ":");
        LogFollower follower = new LogFollower(log(), out);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            follower.printNew();
            if (!handle.isAlive()) {
                Files.deleteIfExists(pidFile());
                follower.printNew();
                throw new IOException("the local stack stopped while starting (exit code " + process.exitValue()
                        + "); its output above is in " + log());
            }
            if (apiAnswers()) {
                follower.printNew();
                return handle;
            }
            if (System.nanoTime() > deadline) {
                out.println("The local stack did not answer within " + timeout.toSeconds() + " s; stopping it ...");
                down(Duration.ofMinutes(2), out);
                throw new IOException("the local stack did not start within " + timeout.toSeconds() + " s; see " + log());
            }
            Thread.sleep(500);
        }
    }

    /**
     * Asks the stack to stop and waits for it, echoing its output; past {@code timeout} it is terminated.
     *
     * @return false when nothing ran; true when it stopped
     */
    public boolean down(Duration timeout, PrintStream out) throws IOException, InterruptedException {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile()); // a stack killed outside our control leaves it
            return false;
        }
        ProcessHandle handle = process.get();
        LogFollower follower = new LogFollower(log(), out).skipToEnd();
        Files.writeString(stopFile(), "requested " + Instant.now() + "\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            follower.printNew();
            Thread.sleep(500);
        }
        follower.printNew();
        if (handle.isAlive()) {
            out.println("The local stack did not stop within " + timeout.toSeconds() + " s; terminating pid "
                    + handle.pid() + " (events not yet archived may be lost)");
            handle.destroy();
            long grace = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (handle.isAlive() && System.nanoTime() < grace) {
                Thread.sleep(250);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(stopFile());
        Files.deleteIfExists(pidFile());
        return true;
    }

    private boolean apiAnswers() {
        if (!Files.isRegularFile(configFile)) {
            return false;
        }
        try {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String port = p.getProperty("api.port");
            HttpResponse<Void> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false; // written but not listening yet, or half-written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireFree(int port) throws IOException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException taken) {
            throw new IllegalStateException("port " + port + " is taken by another program: pass --port with a free one");
        }
    }

    /** Prints the lines a growing log gains, so a background start shows its progress. */
    private static final class LogFollower {
        private final Path file;
        private final PrintStream out;
        private long offset;
        private final StringBuilder partial = new StringBuilder();

        LogFollower(Path file, PrintStream out) {
            this.file = file;
            this.out = out;
        }

        LogFollower skipToEnd() throws IOException {
            offset = Files.exists(file) ? Files.size(file) : 0;
            return this;
        }

        void printNew() throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                if (in.length() <= offset) {
                    return;
                }
                byte[] bytes = new byte[(int) Math.min(in.length() - offset, 1 << 20)];
                in.seek(offset);
                in.readFully(bytes);
                offset += bytes.length;
                partial.append(new String(bytes, StandardCharsets.UTF_8));
            }
            int end;
            while ((end = partial.indexOf("\n")) >= 0) {
                out.println("  | " + partial.substring(0, end));
                partial.delete(0, end + 1);
            }
        }
    }
}
