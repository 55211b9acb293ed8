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
import java.time.Instant;
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
 * Sends requests at a fixed rate whatever the server does (open loop), over a pool of connections, and measures each
 * latency from the moment the request was due, not from when a connection was free to send it: a stalled server
 * shows as latency instead of silently lowering the rate (no coordinated omission). The API is driven over kept-alive
 * HTTP/1.1 connections ({@link #http}); a store on its own through any {@link Sender}, so the bench can measure the
 * store behind an endpoint with the same schedule and the same requests.
 *
 * <p>A minimal HTTP/1.1 client on plain sockets, because the JDK's HttpClient was the bottleneck: profiled at
 * 1,000 req/s, its connection pool spent most of the generator's CPU in a linear expiry-list scan.
 */
final class OpenLoopLoad {
    /** One connection's way of sending a request; used by one thread at a time. */
    interface Sender extends AutoCloseable {
        /** Sends the request and waits for the whole answer; returns its HTTP-like status (2xx = success). */
        int send(String request) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens one connection's sender. */
    interface SenderFactory {
        Sender open() throws IOException;
    }

    /** What one run measured. */
    record Measured(String name, double targetRate, double achievedRate, long requests, long errors, double p50Millis,
                    double p95Millis, double p99Millis, double maxMillis, String firstError, long[] nanosInDueOrder,
                    Instant from, Instant to) {

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

    private final SenderFactory senders;
    private final int connections;

    OpenLoopLoad(SenderFactory senders, int connections) {
        this.senders = senders;
        this.connections = connections;
    }

    /** Requests to the API at {@code baseUrl} ({@code http://host:port}) with the key in {@code X-Api-Key}. */
    static OpenLoopLoad http(String baseUrl, String apiKey, int connections) {
        return http(baseUrl, List.of("X-Api-Key: " + apiKey), connections);
    }

    /**
     * Requests over HTTP/1.1 to {@code baseUrl} with {@code headers} (lines without CRLF, e.g. an Authorization): a
     * request is a path and query (a GET), or that, a newline and a JSON body (a POST).
     */
    static OpenLoopLoad http(String baseUrl, List<String> headers, int connections) {
        URI uri = URI.create(baseUrl);
        InetSocketAddress server = new InetSocketAddress(uri.getHost(), uri.getPort());
        String host = uri.getHost() + ":" + uri.getPort();
        String lines = String.join("\r\n", headers);
        return new OpenLoopLoad(() -> new HttpConnection(server, host, lines), connections);
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
        Instant from = Instant.now();
        long start = System.nanoTime();
        fire(path, rate, duration, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant to = Instant.now();
        long[] latencies = recorder.latencies();
        long[] inDueOrder = latencies.clone();
        Arrays.sort(latencies);
        return new Measured(name, rate, count / seconds, count, recorder.errors().get(), pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1e6, recorder.firstError()[0],
                inDueOrder, from, to);
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
        Sender connection = null;
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
                        connection = senders.open();
                    }
                    status = connection.send(next.path());
                } catch (IOException | RuntimeException e) {
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

    private static void closeQuietly(Sender connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // nothing to release beyond the connection
            }
        }
    }

    /**
     * One kept-alive HTTP/1.1 connection with a buffered reader of its answers. A request is a path (a GET) or a
     * path, a newline and a body (a POST of JSON).
     */
    private static final class HttpConnection implements Sender {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String host;
        final String headers;

        HttpConnection(InetSocketAddress server, String host, String headers) throws IOException {
            this.host = host;
            this.headers = headers.isEmpty() ? "" : headers + "\r\n";
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /** One request; reads the whole answer (by Content-Length) so the connection can carry the next. */
        @Override
        public int send(String request) throws IOException {
            int newline = request.indexOf('\n');
            if (newline < 0) {
                out.write(("GET " + request + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] body = request.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
                out.write(("POST " + request.substring(0, newline) + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(body);
            }
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).trim());
                } else if (line.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                    chunked = line.substring(18).trim().equalsIgnoreCase("chunked");
                }
            }
            if (chunked) {
                skipChunks(); // Elasticsearch sends larger answers in chunks
            } else if (length >= 0) {
                in.skipNBytes(length);
            } else {
                throw new IOException("answer without Content-Length or chunks; this client needs one to keep the "
                        + "connection");
            }
            return status;
        }

        /** Skips a chunked body: sizes in hex, each chunk followed by CRLF, a zero size and the (empty) trailer last. */
        private void skipChunks() throws IOException {
            while (true) {
                String size = readLine();
                int extension = size.indexOf(';');
                long bytes = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (bytes == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields, if any
                    }
                    return;
                }
                in.skipNBytes(bytes);
                readLine();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
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
