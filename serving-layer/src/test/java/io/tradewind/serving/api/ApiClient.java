package io.tradewind.serving.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Calls the running API over HTTP like a shop would, and checks every JSON answer against openapi.yaml for its
 * route and status, so the document cannot drift from what the server says.
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, parsed body (a text node for non-JSON), raw body. */
    record Answer(int status, JsonNode json, String body, String contentType) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final OpenApiDocument openApi;

    ApiClient(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.openApi = OpenApiDocument.load();
    }

    OpenApiDocument openApi() {
        return openApi;
    }

    /** GET {@code path} (the concrete URL path) documented under {@code template}; asserts the status. */
    Answer get(String template, String path, String key, int expectedStatus) throws Exception {
        return call("GET", template, path, key, null, expectedStatus);
    }

    Answer call(String method, String template, String path, String key, String body, int expectedStatus)
            throws Exception {
        return call(method, template, path, key, body == null ? null : HttpRequest.BodyPublishers.ofString(body),
                "application/json", expectedStatus);
    }

    /** With any body (e.g. one of unknown length, sent chunked) and content type. */
    Answer call(String method, String template, String path, String key, HttpRequest.BodyPublisher body,
                String contentType, int expectedStatus) throws Exception {
        Answer answer = send(method, path, key, body, contentType);
        assertEquals(expectedStatus, answer.status(), method + " " + path + " answered " + answer.body());
        if (answer.contentType() != null && answer.contentType().startsWith("application/json")) {
            List<String> problems = openApi.problems(method, template, answer.status(), answer.json());
            assertTrue(problems.isEmpty(), method + " " + template + " " + answer.status()
                    + " does not match openapi.yaml: " + problems + "\n" + answer.body());
        }
        return answer;
    }

    /** Sends without any assertion (for hostile-input loops that accept several statuses). */
    Answer send(String method, String path, String key, String body) throws IOException, InterruptedException {
        return send(method, path, key, body == null ? null : HttpRequest.BodyPublishers.ofString(body), "application/json");
    }

    private Answer send(String method, String path, String key, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String answerType = response.headers().firstValue("Content-Type").orElse(null);
        JsonNode json;
        try {
            json = answerType != null && answerType.startsWith("application/json") ? JSON.readTree(response.body())
                    : JSON.getNodeFactory().textNode(response.body());
        } catch (IOException e) {
            json = JSON.getNodeFactory().textNode(response.body());
        }
        return new Answer(response.statusCode(), json, response.body(), answerType);
    }
}
