package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: each dependency up or down with its latency; 503 when any is down (for load balancers). */
final class HealthEndpoint implements Endpoint {
    /** One dependency's state. */
    record Dependency(String status, long millis, String error) {
    }

    /** The answer. */
    record Health(String status, Map<String, Dependency> dependencies) {
    }

    private final List<HealthCheck> checks;

    HealthEndpoint(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public Object handle(ApiRequest request) {
        Map<String, Dependency> out = new LinkedHashMap<>();
        boolean allUp = true;
        for (HealthCheck c : checks) {
            long start = System.nanoTime();
            String error = null;
            try {
                c.probe().check();
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                allUp = false;
            }
            out.put(c.name(), new Dependency(error == null ? "up" : "down", (System.nanoTime() - start) / 1_000_000, error));
        }
        return ApiResponse.json(allUp ? 200 : 503, new Health(allUp ? "up" : "degraded", out));
    }
}
