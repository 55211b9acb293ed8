package io.tradewind.infra.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server on 127.0.0.1, run as a child process from the distribution that the build
 * of this module unpacks from Maven Central (the minimal integ-test zip: security off, no analysis-common).
 *
 * <p>Everything of one server lives under its work folder: {@code config/} (a copy of the distribution's, with this
 * class's {@code elasticsearch.yml}), {@code data/}, {@code logs/} (the server log {@link #logFile()}, the console
 * output, GC log) and {@code tmp/}. Elasticsearch refuses to run as root, so when this JVM is root the server runs
 * as {@code nobody} (through {@code setpriv}) and these folders are handed to that user.
 *
 * <p>The server is stopped by {@link #stop()} or {@link #close()}, and by a shutdown hook if this JVM exits first. A
 * server left behind by a JVM that was killed is ended by the next start on the same work folder. {@link #restart()}
 * starts it again on the same data and the same HTTP port, so clients keep their address.
 *
 * <p>Where the distribution is found: the system property {@value #HOME_PROPERTY}, else the environment variable
 * {@value #HOME_ENV}, else the path the build recorded in {@code tradewind-embedded.properties} on the class path
 * ({@code infra/embedded/target/elasticsearch/elasticsearch-VERSION}). Any build of this module through
 * {@code generate-resources} (compile, test, package) unpacks it there.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
    /** System property naming an unpacked Elasticsearch distribution to use instead of the recorded one. */
    public static final String HOME_PROPERTY = "tradewind.elasticsearch.home";
    /** Environment variable naming an unpacked Elasticsearch distribution (used when the property is not set). */
    public static final String HOME_ENV = "TRADEWIND_ELASTICSEARCH_HOME";

    static final String CLUSTER_NAME = "tradewind-embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final String BUILD_PROPERTIES = "/tradewind-embedded.properties";
    private static final String NOBODY = "65534";
    private static final Pattern HEALTH_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

    private final Builder settings;
    private final Path home;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::killQuietly, "embedded-elasticsearch-shutdown");
    private volatile Process process;
    private volatile int port;

    private EmbeddedElasticsearch(Builder settings, Path home) {
        this.settings = settings;
        this.home = home;
        this.workDir = settings.workDir.toPath().toAbsolutePath();
    }

    /** Starts a server with default settings whose files live under {@code workDir} (kept data is reused). */
    public static EmbeddedElasticsearch start(File workDir) throws IOException {
        return builder(workDir).start();
    }

    /** Settings for a server whose files live under {@code workDir}; {@link Builder#start()} starts it. */
    public static Builder builder(File workDir) {
        return new Builder(workDir);
    }

    /**
     * The unpacked distribution this class runs: from {@value #HOME_PROPERTY}, {@value #HOME_ENV}, or the path the
     * build recorded. Fails with the way to fix it when none of them holds a distribution.
     */
    public static Path distribution() throws IOException {
        String configured = System.getProperty(HOME_PROPERTY);
        String source = "system property " + HOME_PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(HOME_ENV);
            source = "environment variable " + HOME_ENV;
        }
        if (configured == null || configured.isBlank()) {
            configured = buildProperties().getProperty("elasticsearch.home");
            source = BUILD_PROPERTIES + " (written by the build of tradewind-embedded)";
        }
        if (configured == null || configured.isBlank()) {
            throw new IOException("no Elasticsearch distribution configured: " + BUILD_PROPERTIES + " is not on the "
                    + "class path; build infra/embedded or set -D" + HOME_PROPERTY);
        }
        Path home = Paths.get(configured).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            throw new IOException("no Elasticsearch distribution at " + home + " (from " + source + "); the build "
                    + "unpacks it: run 'mvn -pl infra/embedded generate-resources' from the project root, or point -D"
                    + HOME_PROPERTY + " at an unpacked elasticsearch-" + version() + " folder");
        }
        return home;
    }

    /** The Elasticsearch version this module was built with. */
    public static String version() throws IOException {
        return buildProperties().getProperty("elasticsearch.version", "unknown");
    }

    /** Base URI such as {@code http://127.0.0.1:9234}. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** The HTTP port; the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** For {@code RestClient.builder(es.httpHost())}. */
    public HttpHost httpHost() {
        return new HttpHost("127.0.0.1", port, "http");
    }

    /** The server log (kept after stop and close). */
    public Path logFile() {
        return workDir.resolve("logs").resolve(CLUSTER_NAME + ".log");
    }

    /** What the server printed to stdout/stderr, including failures before its logging is set up. */
    public Path consoleLogFile() {
        return workDir.resolve("logs").resolve("console.log");
    }

    public Path workDir() {
        return workDir;
    }

    /** Process id of the launcher process (the server JVM is its child); -1 when stopped. */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Stops the server (data kept). Waits for a clean shut-down, then kills what is left. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = processTree(p.toHandle());
        p.destroy();
        boolean clean = waitFor(tree, settings.stopTimeout);
        if (!clean) {
            LOG.warn("Elasticsearch did not stop within {} s; killing it", settings.stopTimeout.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            waitFor(tree, Duration.ofSeconds(10));
        }
        process = null;
    }

    /** Starts the server again on the same data and HTTP port (stopping it first if it runs). */
    public synchronized void restart() throws IOException {
        stop();
        launch(port);
    }

    /** Stops the server; its files stay under {@link #workDir()}. */
    @Override
    public synchronized void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // JVM shutting down, or never registered: nothing to remove.
        }
    }

    private synchronized void launch(int httpPort) throws IOException {
        long started = System.nanoTime();
        endLeftOverServer();
        Path config = workDir.resolve("config");
        Path data = workDir.resolve("data");
        Path logs = workDir.resolve("logs");
        Path tmp = workDir.resolve("tmp");
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(tmp);
        if (!Files.isDirectory(config)) {
            copyTree(home.resolve("config"), config);
            Path jvmOptions = config.resolve("jvm.options");
            // The distribution keeps up to 32 GC logs of 64 MB; two of 16 MB are plenty here.
            Files.writeString(jvmOptions, Files.readString(jvmOptions)
                    .replace("filecount=32,filesize=64m", "filecount=2,filesize=16m"));
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        List<String> options = new ArrayList<>();
        options.add("-Xms" + settings.heapMiB + "m");
        options.add("-Xmx" + settings.heapMiB + "m");
        options.addAll(settings.jvmOptions);
        Path optionsFile = config.resolve("jvm.options.d").resolve("tradewind.options");
        Files.writeString(optionsFile, String.join("\n", options) + "\n");
        Files.writeString(config.resolve("elasticsearch.yml"), elasticsearchYml(data, logs, httpPort));
        if (settings.user != null) {
            addUser(config, tmp);
        }
        Path portsFile = logs.resolve("http.ports");
        Files.deleteIfExists(portsFile);
        Path pidFile = workDir.resolve("elasticsearch.pid");
        Files.deleteIfExists(pidFile);

        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            exec(List.of("chown", "-R", NOBODY + ":" + NOBODY, workDir.toString()));
            ensureNobodyCanWrite(workDir);
            command.addAll(asNobody());
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.add("--quiet"); // the server log has it all; the console keeps what happens before logging starts
        command.add("-p");
        command.add(pidFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLogFile().toFile()));
        Map<String, String> env = builder.environment();
        for (String inherited : List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME",
                "ES_JAVA_OPTS", "CLI_JAVA_OPTS")) {
            env.remove(inherited);
        }
        env.put("ES_JAVA_HOME", settings.javaHome.toString());
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_TMPDIR", tmp.toString());
        env.put("HOME", workDir.toString());

        Process launched = builder.start();
        process = launched;
        Files.writeString(workDir.resolve("launcher.pid"), Long.toString(launched.pid()));
        registerShutdownHook();
        try {
            port = awaitHealthy(launched, portsFile, System.nanoTime() + settings.startTimeout.toNanos());
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Elasticsearch {} started on {} in {} ms (log: {})", version(), uri(),
                (System.nanoTime() - started) / 1_000_000, logFile());
    }

    private String elasticsearchYml(Path data, Path logs, int httpPort) {
        return "# Written by " + EmbeddedElasticsearch.class.getName() + " on every start.\n"
                + "cluster.name: " + CLUSTER_NAME + "\n"
                + "node.name: embedded\n"
                // Loopback only: bootstrap checks then only warn (a non-loopback address makes them fatal).
                + "network.host: 127.0.0.1\n"
                + "http.port: " + httpPort + "\n"
                + "transport.port: 0\n"
                + "node.portsfile: true\n"
                + "discovery.type: single-node\n"
                + (settings.user == null ? "xpack.security.enabled: false\n"
                        : "xpack.security.enabled: true\nxpack.security.http.ssl.enabled: false\n"
                                + "xpack.security.transport.ssl.enabled: false\n")
                // A nearly full disk must not turn the indices read-only on a developer machine.
                + "cluster.routing.allocation.disk.threshold_enabled: false\n"
                + "path.data: " + quoted(data) + "\n"
                + "path.logs: " + quoted(logs) + "\n";
    }

    /** Waits for the ports file, then for yellow or green health; fails early if the process exits. */
    private int awaitHealthy(Process p, Path portsFile, long deadline) throws IOException {
        int httpPort = -1;
        String lastProblem = "the server has not written its HTTP port yet";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("Elasticsearch exited with code " + p.exitValue() + " while starting; console "
                        + consoleLogFile() + " ends with:\n" + tail(consoleLogFile(), 20) + "\nlog " + logFile()
                        + " ends with:\n" + tail(logFile(), 20));
            }
            if (httpPort < 0) {
                httpPort = readPort(portsFile);
            }
            if (httpPort > 0) {
                Optional<String> status = health(httpPort);
                if (status.isPresent() && !status.get().equals("red")) {
                    return httpPort;
                }
                lastProblem = status.map(s -> "cluster health is " + s).orElse("HTTP not answering yet");
            }
            sleep(250);
        }
        throw new IOException("Elasticsearch did not reach yellow health within " + settings.startTimeout.toSeconds()
                + " s (" + lastProblem + "); log " + logFile() + " ends with:\n" + tail(logFile(), 30));
    }

    private Optional<String> health(int httpPort) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .GET();
        if (settings.user != null) {
            request.header("Authorization", basicAuthorization());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = HEALTH_STATUS.matcher(response.body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }

    /** The {@code Authorization} header's value for the user of {@link Builder#basicAuth}. */
    private String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (settings.user + ":" + settings.password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds the superuser to the file realm with the distribution's own tool (it hashes the password). */
    private void addUser(Path config, Path tmp) throws IOException {
        Path users = config.resolve("users");
        if (Files.isRegularFile(users) && Files.readAllLines(users).stream().anyMatch(l -> l.startsWith(settings.user + ":"))) {
            return; // kept from an earlier start of this folder
        }
        ProcessBuilder tool = new ProcessBuilder(home.resolve("bin/elasticsearch-users").toString(), "useradd",
                settings.user, "-p", settings.password, "-r", "superuser").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLogFile().toFile()));
        tool.environment().put("ES_JAVA_HOME", settings.javaHome.toString());
        tool.environment().put("ES_PATH_CONF", config.toString());
        tool.environment().put("ES_TMPDIR", tmp.toString());
        try {
            Process p = tool.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("elasticsearch-users useradd failed; see " + consoleLogFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while adding the Elasticsearch user", e);
        }
    }

    private static int readPort(Path portsFile) throws IOException {
        if (!Files.isRegularFile(portsFile)) {
            return -1;
        }
        for (String line : Files.readAllLines(portsFile)) {
            int colon = line.lastIndexOf(':');
            if (line.startsWith("127.0.0.1:") && colon > 0) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }

    /** A server started from this work folder by a JVM that was killed still holds the data: end it. */
    private void endLeftOverServer() throws IOException {
        String marker = workDir.resolve("config").toString();
        for (String name : List.of("elasticsearch.pid", "launcher.pid")) {
            Path pidFile = workDir.resolve(name);
            if (!Files.isRegularFile(pidFile)) {
                continue;
            }
            String text = Files.readString(pidFile).trim();
            Files.deleteIfExists(pidFile);
            if (text.isEmpty()) {
                continue;
            }
            Optional<ProcessHandle> left = ProcessHandle.of(Long.parseLong(text))
                    .filter(h -> h.info().arguments().map(args -> String.join(" ", args).contains(marker))
                            .orElse(false));
            if (left.isPresent()) {
                LOG.warn("ending Elasticsearch process {} left behind in {}", left.get().pid(), workDir);
                List<ProcessHandle> tree = processTree(left.get());
                left.get().destroy();
                if (!waitFor(tree, settings.stopTimeout)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    waitFor(tree, Duration.ofSeconds(10));
                }
            }
        }
    }

    private void registerShutdownHook() {
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException e) {
            // Already registered by an earlier start of this instance.
        }
    }

    private void killQuietly() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = processTree(p.toHandle());
        p.destroy();
        if (!waitFor(tree, Duration.ofSeconds(10))) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The setpriv prefix that runs a command as nobody; Elasticsearch refuses to run as root. */
    private static List<String> asNobody() {
        return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Nobody must reach the work folder through every parent folder. Private temporary folders (JUnit's
     * {@code @TempDir} is mode 700) below the system temp folder get the search bit for others; anything else is
     * the caller's to fix.
     */
    private static void ensureNobodyCanWrite(Path dir) throws IOException {
        if (nobodyCan("-w", dir)) {
            return;
        }
        Path systemTmp = Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (Path p = dir.getParent(); p != null && p.startsWith(systemTmp) && !p.equals(systemTmp);
                p = p.getParent()) {
            exec(List.of("chmod", "o+x", p.toString()));
        }
        if (!nobodyCan("-w", dir)) {
            throw new IOException("Elasticsearch runs as 'nobody' here (this JVM is root) and nobody cannot reach "
                    + dir + "; use a work folder every user can traverse to, e.g. under /tmp or a project's "
                    + "target/ outside /root");
        }
    }

    private static boolean nobodyCan(String testFlag, Path path) throws IOException {
        List<String> command = new ArrayList<>(asNobody());
        command.addAll(List.of("test", testFlag, path.toString()));
        return run(command) == 0;
    }

    /**
     * The distribution to run: {@code home} itself when nobody can read it, else a copy under the system temp folder
     * (e.g. a checkout under /root, which is mode 700).
     */
    private static Path readableDistribution(Path home) throws IOException {
        Path launcher = home.resolve("bin/elasticsearch");
        if (!runsAsRoot() || nobodyCan("-x", launcher)) {
            return home;
        }
        Path copy = Paths.get(System.getProperty("java.io.tmpdir"), "tradewind-" + home.getFileName());
        if (!Files.isRegularFile(copy.resolve("bin/elasticsearch"))) {
            LOG.info("nobody cannot read {}; copying the distribution to {}", home, copy);
            Path partial = Files.createTempDirectory(copy.getParent(), copy.getFileName() + ".partial");
            copyTree(home, partial);
            exec(List.of("chmod", "-R", "a+rX", partial.toString()));
            try {
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(copy.resolve("bin/elasticsearch"))) {
                    throw e;
                }
                // Another JVM copied it first.
            }
        }
        if (!nobodyCan("-x", copy.resolve("bin/elasticsearch"))) {
            throw new IOException("nobody cannot run " + copy.resolve("bin/elasticsearch"));
        }
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<ProcessHandle> processTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static boolean waitFor(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : processes) {
            while (h.isAlive()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                sleep(100);
            }
        }
        return true;
    }

    private static void exec(List<String> command) throws IOException {
        int code = run(command);
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + code);
        }
    }

    private static int run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 60 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Properties buildProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedElasticsearch.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Settings with defaults; {@link #start()} starts the server. */
    public static final class Builder {
        private final File workDir;
        private int heapMiB = 512;
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Path distribution;
        private Path javaHome = Paths.get(System.getProperty("java.home"));
        /*
         * C1 only: measured on two busy cores, start-up takes 13-15 CPU seconds instead of 23 (about half the wall
         * time); an embedded or test server never runs long enough to gain from C2. No pre-touching of the heap, so
         * the resident size stays with what the server uses.
         */
        private List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1", "-XX:-AlwaysPreTouch");

        private String user;
        private String password;

        private Builder(File workDir) {
            this.workDir = workDir;
        }

        /**
         * Turns security on (HTTP without TLS, on loopback) with one superuser in the file realm: every request then
         * needs basic authentication as {@code user}, as on a managed cluster.
         */
        public Builder basicAuth(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Server heap (-Xms and -Xmx); default 512 MiB. */
        public Builder heapMiB(int heapMiB) {
            this.heapMiB = heapMiB;
            return this;
        }

        /** How long to wait for yellow health; default 120 s (start-up takes 7-25 s on two busy cores). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long a clean stop may take before the server is killed; default 30 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** An unpacked distribution to run instead of {@link EmbeddedElasticsearch#distribution()}. */
        public Builder distribution(Path distribution) {
            this.distribution = distribution;
            return this;
        }

        /**
         * Extra server JVM options, replacing the default {@code -XX:TieredStopAtLevel=1 -XX:-AlwaysPreTouch}
         * (pass none for the distribution's own settings, e.g. for a benchmark).
         */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /** The JDK that runs the server; default the one running this JVM. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public EmbeddedElasticsearch start() throws IOException {
            Path home = distribution != null ? distribution : EmbeddedElasticsearch.distribution();
            home = readableDistribution(home);
            EmbeddedElasticsearch es = new EmbeddedElasticsearch(this, home);
            es.launch(0);
            return es;
        }
    }
}
