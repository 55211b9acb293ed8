package io.tradewind.infra.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter on the embedded MiniCluster: the same configuration keys a cluster's Flink
 * configuration takes (speed-layer/README.md, "Metrics"), on a port that was free when the runner started.
 * Every JobManager and TaskManager metric of the MiniCluster (checkpoints, the Kafka source's lag, the job's own
 * counters) is served at {@link #url()}.
 */
final class FlinkPrometheusReporter {
    static final String NAME = "prom";
    static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    private final int port;

    private FlinkPrometheusReporter(int port) {
        this.port = port;
    }

    /** A reporter on a port the system has just handed out as free. */
    static FlinkPrometheusReporter onFreePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new FlinkPrometheusReporter(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Flink's Prometheus reporter", e);
        }
    }

    void configure(Configuration flink) {
        flink.setString("metrics.reporter." + NAME + ".factory.class", FACTORY);
        flink.setString("metrics.reporter." + NAME + ".port", Integer.toString(port));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/metrics";
    }

    /**
     * Whether the reporter's HTTP server listens. Flink logs a reporter that cannot start (the port was taken in the
     * meantime) and runs the job without it, so the runner checks instead of printing a dead address.
     */
    boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
