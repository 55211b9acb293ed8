package io.tradewind.serving.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What operators watch, in Prometheus text format on {@code GET /metrics}: requests per endpoint and status,
 * latency histograms, cache hits and misses, store errors and degraded answers. One registry per server, so
 * two servers in one JVM (tests) do not mix their counts.
 */
public final class ServingMetrics {
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("tradewind_http_requests_total").help("HTTP requests by endpoint and status code")
            .labelNames("endpoint", "status").register(registry);
    // Buckets around the goals: recommendations p99 <= 10 ms, search p99 <= 50 ms.
    private final Histogram latency = Histogram.builder()
            .name("tradewind_http_request_duration_seconds").help("Time from request to answer by endpoint")
            .classicOnly()
            .classicUpperBounds(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .labelNames("endpoint").register(registry);
    private final Counter cache = Counter.builder()
            .name("tradewind_cache_requests_total").help("Cache look-ups by cache and result (hit, miss)")
            .labelNames("cache", "result").register(registry);
    private final Counter storeErrors = Counter.builder()
            .name("tradewind_store_errors_total").help("Calls to a store that failed or timed out")
            .labelNames("store").register(registry);
    private final Counter degraded = Counter.builder()
            .name("tradewind_degraded_answers_total").help("Answers served from in-memory fallbacks because a store was down")
            .labelNames("endpoint").register(registry);

    public void request(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(nanos / 1e9);
    }

    public void cacheLookup(String cacheName, boolean hit) {
        cache.labelValues(cacheName, hit ? "hit" : "miss").inc();
    }

    public void storeError(String store) {
        storeErrors.labelValues(store).inc();
    }

    public void degradedAnswer(String endpoint) {
        degraded.labelValues(endpoint).inc();
    }

    public String scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot format metrics", e);
        }
    }
}
