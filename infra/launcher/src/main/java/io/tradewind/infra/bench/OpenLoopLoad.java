package io.tradewind.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests at a fixed rate whatever the server does (open loop), and measures each latency from the moment
 * the request was due, not from when it was sent: a stalled server then shows as latency instead of silently
 * lowering the rate (no coordinated omission).
 */
final class OpenLoopLoad {
    /** What one run measured. */
    record Measured(String name, double targetRate, double achievedRate, long requests, long errors, double p50Millis,
                    double p95Millis, double p99Millis, double maxMillis, String firstError) {
    }

    private final HttpClient http;
    private final String apiKey;

    OpenLoopLoad(String apiKey) {
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
        this.apiKey = apiKey;
    }

    /**
     * Runs {@code warmUp} unmeasured, then {@code duration} measured, at {@code rate} requests per second;
     * {@code url} gives the i-th request's URL.
     */
    Measured run(String name, LongFunction<String> url, double rate, Duration warmUp, Duration duration)
            throws InterruptedException {
        fire(url, rate, warmUp, null);
        long count = (long) (rate * duration.toMillis() / 1000.0);
        long[] latencies = new long[(int) count];
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        fire(url, rate, duration, new Recorder(latencies, errors, firstError));
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Measured(name, rate, count / seconds, count, errors.get(), pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies[latencies.length - 1] / 1e6, firstError[0]);
    }

    private void fire(LongFunction<String> url, double rate, Duration duration, Recorder recorder)
            throws InterruptedException {
        long count = (long) (rate * duration.toMillis() / 1000.0);
        long intervalNanos = (long) (1e9 / rate);
        CountDownLatch done = new CountDownLatch((int) count);
        long begin = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = (int) i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i)))
                    .header("X-Api-Key", apiKey).timeout(Duration.ofSeconds(10)).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (recorder != null) {
                    recorder.record(slot, System.nanoTime() - due, response == null ? -1 : response.statusCode(), failure);
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still open 60 s after the last was sent: the server is stuck");
        }
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Keeps each request's latency and counts anything but a 2xx as an error. */
    private record Recorder(long[] latencies, AtomicLong errors, String[] firstError) {
        void record(int slot, long nanos, int status, Throwable failure) {
            latencies[slot] = nanos;
            if (failure != null || status < 200 || status >= 300) {
                if (errors.incrementAndGet() == 1) {
                    firstError[0] = failure != null ? failure.toString() : "HTTP " + status;
                }
            }
        }
    }
}
