package io.tradewind.infra.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends GET requests at a fixed rate whatever the server does (open loop), over a pool of kept-alive HTTP/1.1
 * connections, and measures each latency from the moment the request was due, not from when a connection was free
 * to send it: a stalled server shows as latency instead of silently lowering the rate (no coordinated omission).
 *
 * <p>A minimal HTTP/1.1 client on plain sockets, because the JDK's HttpClient was the bottleneck: profiled at
 * 1,000 req/s, its connection pool spent most of the generator's CPU in a linear expiry-list scan.
 */
final class OpenLoopLoad {
    /** What one run measured. */
    record Measured(String name, double targetRate, double achievedRate, long requests, long errors, double p50Millis,
                    double p95Millis, double p99Millis, double maxMillis, String firstError, long[] nanosInDueOrder) {

        /** Per second of the run (in due order): how many requests took longer than {@code millis}. */
        int[] slowerPerSecond(double millis) {
            int perSecond = (int) Math.max(1, targetRate);
            int[] out = new int[(nanosInDueOrder.length + perSecond - 1) / perSecond];
            for (int i = 0; i < nanosInDueOrder.length; i++) {
                if (nanosInDueOrder[i] > millis * 1e6) {
                    out[i / perSecond]++;
                }
            }
            return out;
        }
    }

    private record Due(long index, long dueNanos, String path) {
    }

    private static final Due STOP = new Due(-1, 0, null);

    private final InetSocketAddress server;
    private final String host;
    private final String apiKey;
    private final int connections;

    /** @param baseUrl {@code http://host:port} of the API */
    OpenLoopLoad(String baseUrl, String apiKey, int connections) {
        URI uri = URI.create(baseUrl);
        this.server = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
        this.apiKey = apiKey;
        this.connections = connections;
    }

    /**
     * Runs {@code warmUp} unmeasured with {@code warmUpPath}, then {@code duration} measured with {@code path}, at
     * {@code rate} requests per second; the functions give the i-th request's path and query.
     */
    Measured run(String name, LongFunction<String> warmUpPath, LongFunction<String> path, double rate, Duration warmUp,
                 Duration duration) throws InterruptedException {
        fire(warmUpPath, rate, warmUp, null);
        int count = (int) (rate * duration.toMillis() / 1000.0);
        Recorder recorder = new Recorder(new long[count], new AtomicLong(), new String[1]);
        long start = System.nanoTime();
        fire(path, rate, duration, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = recorder.latencies();
        long[] inDueOrder = latencies.clone();
        Arrays.sort(latencies);
        return new Measured(name, rate, count / seconds, count, recorder.errors().get(), pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1e6, recorder.firstError()[0],
                inDueOrder);
    }

    private void fire(LongFunction<String> path, double rate, Duration duration, Recorder recorder)
            throws InterruptedException {
        int count = (int) (rate * duration.toMillis() / 1000.0);
        BlockingQueue<Due> queue = new ArrayBlockingQueue<>(count + connections);
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> work(queue, recorder, done), "bench-connection-" + c);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        long intervalNanos = (long) (1e9 / rate);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Due(i, due, path.apply(i)));
        }
        for (int c = 0; c < connections; c++) {
            queue.add(STOP);
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            workers.forEach(Thread::interrupt);
            throw new IllegalStateException("requests still open 60 s after the last was due: the server is stuck");
        }
    }

    /** One connection: takes due requests in order and sends them, reconnecting after a failure. */
    private void work(BlockingQueue<Due> queue, Recorder recorder, CountDownLatch done) {
        Connection connection = null;
        try {
            while (true) {
                Due next = queue.take();
                if (next == STOP) {
                    return;
                }
                int status;
                String failure = null;
                try {
                    if (connection == null) {
                        connection = new Connection(server);
                    }
                    status = connection.get(next.path(), host, apiKey);
                } catch (IOException e) {
                    status = -1;
                    failure = e.toString();
                    closeQuietly(connection);
                    connection = null;
                }
                if (recorder != null) {
                    recorder.record((int) next.index(), System.nanoTime() - next.dueNanos(), status, failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
            done.countDown();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // nothing to release beyond the socket
            }
        }
    }

    /** One kept-alive HTTP/1.1 connection with a buffered reader of its answers. */
    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /** One GET; reads the whole answer (by Content-Length) so the connection can carry the next. */
        int get(String path, String host, String apiKey) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Api-Key: " + apiKey + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("answer without Content-Length; this client needs it to keep the connection");
            }
            in.skipNBytes(length);
            return status;
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Keeps each request's latency and counts anything but a 2xx as an error. */
    private record Recorder(long[] latencies, AtomicLong errors, String[] firstError) {
        void record(int slot, long nanos, int status, String failure) {
            latencies[slot] = nanos;
            if (failure != null || status < 200 || status >= 300) {
                if (errors.incrementAndGet() == 1) {
                    firstError[0] = failure != null ? failure : "HTTP " + status;
                }
            }
        }
    }
}
