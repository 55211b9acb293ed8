package io.tradewind.serving.api.http;

import io.tradewind.serving.api.auth.Caller;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.store.StoreUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Endpoint} on a worker thread (stores block) with what every endpoint needs: the caller's check
 * for its {@link Access} (API key or console session, see {@link CallerCheck}), JSON answers, errors as JSON with the right status (a store that is down is a 503, a bug a 500
 * whose details go to the log, not to the caller) and the request metrics.
 */
public final class EndpointHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointHandler.class);

    private final String name;
    private final Access access;
    private final Endpoint endpoint;
    private final CallerCheck callers;
    private final ServingMetrics metrics;

    public EndpointHandler(String name, Access access, Endpoint endpoint, CallerCheck callers, ServingMetrics metrics) {
        this.name = name;
        this.access = access;
        this.endpoint = endpoint;
        this.callers = callers;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        long start = System.nanoTime();
        int status;
        try {
            Caller caller = callers.check(exchange, access);
            Object result = endpoint.handle(new ApiRequest(exchange, caller));
            ApiResponse response = result instanceof ApiResponse r ? r : ApiResponse.json(200, result);
            status = response.status();
            send(exchange, response);
        } catch (ApiException e) {
            status = e.status();
            sendError(exchange, status, e.getMessage(), e.details());
        } catch (StoreUnavailableException e) {
            status = 503;
            LOG.warn("{} on {}: {}", name, exchange.getRequestURI(), e.getMessage(), e);
            sendError(exchange, status, e.publicMessage(), Map.of());
        } catch (Exception e) {
            status = 500;
            LOG.error("{} failed on {}", name, exchange.getRequestURI(), e);
            sendError(exchange, status, "internal error; the server log has the details", Map.of());
        }
        metrics.request(name, status, System.nanoTime() - start);
    }

    private static void send(HttpServerExchange exchange, ApiResponse response) throws Exception {
        byte[] body = response.body() instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : response.body() instanceof byte[] b ? b
                : Json.MAPPER.writeValueAsBytes(response.body());
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, withCharset(response.contentType()));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        response.headers().forEach((header, value) -> exchange.getResponseHeaders().add(new HttpString(header), value));
        ByteBuffer bytes = ByteBuffer.wrap(body);
        if (exchange.isBlocking()) {
            // A request that read its body has a blocking sender, which must not run on the I/O thread.
            exchange.getResponseSender().send(bytes);
            return;
        }
        // Written from the connection's I/O thread, so the exchange also completes there. Completed on a worker,
        // it races the client's next request on the kept-alive connection, and Undertow settles that race by
        // spinning: on a busy 2-core machine the spin burned whole time slices (profiled under bench serve).
        // As a handler (not a bare task), a failed write still ends the exchange.
        exchange.dispatch(exchange.getIoThread(), io -> io.getResponseSender().send(bytes));
    }

    private static void sendError(HttpServerExchange exchange, int status, String message, Map<String, Object> details) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        body.putAll(details);
        try {
            send(exchange, ApiResponse.json(status, body));
        } catch (Exception e) {
            exchange.setStatusCode(status);
            exchange.endExchange();
        }
    }

    private static String withCharset(String contentType) {
        if (contentType.contains("charset")) {
            return contentType;
        }
        return contentType.startsWith("text/") || contentType.equals("application/json")
                ? contentType + "; charset=utf-8" : contentType;
    }
}
