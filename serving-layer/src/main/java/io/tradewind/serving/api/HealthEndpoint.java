package io.tradewind.serving.api;

import io.tradewind.serving.api.auth.Permission;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: 200 when every dependency is up, 503 when any is down (for load balancers). Anyone reads
 * only {@code {"status": "up"}} or {@code "down"}; an admin (API key or session) also gets each dependency's state,
 * latency and error, which name internal hosts and so are not for everyone.
 */
final class HealthEndpoint implements Endpoint {
    /** One dependency's state. */
    record Dependency(String status, long millis, String error) {
    }

    /** The answer for an admin. */
    record Health(String status, Map<String, Dependency> dependencies) {
    }

    /** The answer for anyone else. */
    record Status(String status) {
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
        int status = allUp ? 200 : 503;
        if (!request.caller().may(Permission.READ_HEALTH_DETAILS)) {
            return ApiResponse.json(status, new Status(allUp ? "up" : "down"));
        }
        return ApiResponse.json(status, new Health(allUp ? "up" : "degraded", out));
    }
}
