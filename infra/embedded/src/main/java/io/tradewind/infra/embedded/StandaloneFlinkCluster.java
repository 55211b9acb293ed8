package io.tradewind.infra.embedded;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink standalone session cluster on 127.0.0.1 as {@code start-cluster.sh} runs it: a JobManager JVM
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager JVM ({@code TaskManagerRunner}), each on the
 * class path a Flink distribution with {@code HADOOP_CLASSPATH} has, plus {@code HADOOP_CONF_DIR}. No Tradewind
 * class is on it: job code reaches the cluster only in the job jar, and {@link #flinkRun} submits that jar through
 * Flink's own {@code CliFrontend}, the class behind {@code bin/flink run}.
 *
 * <p>The layers' job-jar integration tests use it (batch-layer's {@code RetrainJobOnFlinkClusterIT}, speed-layer's
 * {@code SpeedLayerJobOnFlinkClusterIT}). Nothing in this module depends on Flink: the class path is given, as
 * each layer's build writes it (its runtime dependencies less what its job jar bundles).
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
    /** The JDK 17 opens Flink needs (Kryo on JDK types); the build passes the parent POM's list. */
    private static final String JVM_OPENS = System.getProperty("tradewind.jvm.opens",
            "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED");

    /** Exit code and everything the client printed. */
    public record RunOutcome(int exitCode, String output) {
    }

    private final Path dir;
    private final String classpath;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneFlinkCluster(Path dir, String classpath, int restPort) {
        this.dir = dir;
        this.classpath = classpath;
        this.restPort = restPort;
    }

    /**
     * Starts the JobManager and the TaskManager and returns at once; {@link #awaitReady} waits for them.
     *
     * @param flinkClasspath Flink's runtime and Hadoop, as built by the module's flink-cluster-classpath step
     * @param hadoopSettings written to hdfs-site.xml in the cluster's HADOOP_CONF_DIR
     */
    public static StandaloneFlinkCluster start(Path dir, String flinkClasspath, Map<String, String> hadoopSettings)
            throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path hadoopConf = Files.createDirectories(dir.resolve("hadoop-conf"));
        int restPort = freePort();
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: 127.0.0.1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: 2",
                // bin/taskmanager.sh derives these from one size; started directly, the TaskManager needs them all.
                "taskmanager.cpu.cores: 2",
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.task.heap.size: 384m",
                "taskmanager.memory.managed.size: 128m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.task.off-heap.size: 0m",
                // Batch shuffles take 512 buffers per output partition; the per-user stage writes three, and two
                // of its subtasks run at once: 64 MB (2,048 buffers) is too little, 160 MB leaves room.
                "taskmanager.memory.network.min: 160m",
                "taskmanager.memory.network.max: 160m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "jobmanager.memory.process.size: 1024m",
                "parallelism.default: 2",
                "restart-strategy.type: none",
                ""));
        Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d %-5p %c{1} - %m%n",
                ""));
        StringBuilder site = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        hadoopSettings.forEach((k, v) -> site.append("  <property><name>").append(k).append("</name><value>")
                .append(v).append("</value></property>\n"));
        Files.writeString(hadoopConf.resolve("hdfs-site.xml"), site.append("</configuration>\n"));

        // As bin/config.sh does: Flink's lib, then HADOOP_CLASSPATH, then HADOOP_CONF_DIR.
        String classpath = flinkClasspath + File.pathSeparator + log4jJars() + File.pathSeparator + hadoopConf;
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, classpath, restPort);
        cluster.processes.add(cluster.java("jobmanager", "-Xmx512m",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir", conf.toString()));
        cluster.processes.add(cluster.java("taskmanager", "-Xmx512m -XX:MaxDirectMemorySize=320m",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", conf.toString()));
        return cluster;
    }

    /** Waits until the REST endpoint answers and lists a registered TaskManager. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl() + "/taskmanagers")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Flink process exited with " + p.exitValue() + "; see " + dir);
                }
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"id\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the JobManager's REST endpoint is not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Flink cluster not ready after " + timeout + "; see logs in " + dir);
    }

    /** {@code flink run -m 127.0.0.1:<rest port> <args>} with this cluster's FLINK_CONF_DIR. */
    public RunOutcome flinkRun(String... args) throws Exception {
        List<String> cliArgs = new ArrayList<>(List.of("run", "-m", "127.0.0.1:" + restPort));
        cliArgs.addAll(List.of(args));
        Process client = java("client", "-Xmx1g", "org.apache.flink.client.cli.CliFrontend",
                cliArgs.toArray(String[]::new));
        int code = client.waitFor();
        return new RunOutcome(code, Files.readString(dir.resolve("client.out"), StandardCharsets.UTF_8));
    }

    /** A job's state as the REST API reports it ({@code RUNNING}, {@code CANCELED}, …). */
    public String jobState(String jobId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !state.find()) {
            throw new IllegalStateException("no state for job " + jobId + ": " + response.statusCode() + " " + response.body());
        }
        return state.group(1);
    }

    /** Cancels a job (what {@code flink cancel <id>} asks the REST API) and waits until it is {@code CANCELED}. */
    public void cancel(String jobId, Duration timeout) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("cancel of " + jobId + " refused: " + response.statusCode() + " " + response.body());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = jobState(jobId);
        while (!state.equals("CANCELED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = jobState(jobId);
        }
        if (!state.equals("CANCELED")) {
            throw new IllegalStateException("job " + jobId + " is " + state + " " + timeout + " after cancel");
        }
    }

    /** The REST endpoint, {@code http://127.0.0.1:<port>}. */
    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    private Process java(String name, String memory, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(memory.split(" ")));
        command.addAll(List.of(JVM_OPENS.split(" ")));
        command.add("-Dlog.file=" + dir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + dir.resolve("conf").resolve("log4j.properties").toUri());
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().put("FLINK_CONF_DIR", dir.resolve("conf").toString());
        return builder.start();
    }

    /** Flink's lib/ ships Log4j 2 with its SLF4J binding; take the same jars from this test's class path. */
    private static String log4jJars() {
        List<String> jars = new ArrayList<>();
        for (String marker : List.of("org.apache.logging.log4j.LogManager", "org.apache.logging.log4j.core.LoggerContext",
                "org.apache.logging.slf4j.Log4jLoggerFactory")) {
            try {
                jars.add(Path.of(Class.forName(marker).getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString());
            } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
                throw new IllegalStateException("Log4j is not on the test class path: " + marker, e);
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
