package io.tradewind.infra.bench;

import io.tradewind.infra.local.ChildJvm;
import io.tradewind.infra.serve.StoreEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tradewind serve} against running stores, in a JVM of its own, as production runs the API: its heap holds
 * only the API's objects, so its garbage-collection pauses are the API's and not those of HBase or a retrain.
 * Output goes to {@code api.log} in the work folder; the process is stopped on {@link #close()}.
 */
final class ApiProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path log;
    private final String baseUrl;
    /** Ends the child if this JVM is stopped (Ctrl+C) before {@link #close()}: a 1 GB JVM must not be left behind. */
    private final Thread stopOnExit;

    private ApiProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.stopOnExit = new Thread(process::destroy, "stop-api-process");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the API on {@code port} with {@code jvmOptions} (heap and collector) and waits until it answers.
     *
     * @param home folder the child treats as its {@code tradewind.home}: its key file is
     *             {@code target/serving/api-keys.json} there
     */
    static ApiProcess start(StoreEndpoints stores, int port, List<String> jvmOptions, Path home) throws IOException {
        Path log = home.resolve("api.log");
        Path libraryLog = home.resolve("api-library.log");
        Files.deleteIfExists(libraryLog);
        List<String> command = ChildJvm.command(jvmOptions, home, libraryLog, List.of("serve", "--port",
                String.valueOf(port), "--hbase-zookeeper", stores.zookeeper(), "--elasticsearch", stores.elasticsearch(),
                "--kafka", stores.kafka()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiProcess api = new ApiProcess(process, log, "http://127.0.0.1:" + port);
        try {
            api.awaitHealthy();
            return api;
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return baseUrl;
    }

    private void awaitHealthy() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the API process ended with exit code " + process.exitValue() + "; its output:\n"
                        + tail());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the API process", e);
            }
            sleep(250);
        }
        throw new IOException("the API process did not answer /health within " + START_TIMEOUT.toSeconds()
                + " s; its output:\n" + tail());
    }

    private String tail() throws IOException {
        return ChildJvm.tail(log, 30);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: it ends the process
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
