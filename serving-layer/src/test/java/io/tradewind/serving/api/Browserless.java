package io.tradewind.serving.api;

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
 * What a browser does with the console's cookie, by hand: keeps the session cookie the server sets and sends it
 * back, and sends the CSRF token when told to. Each call returns the answer unchecked, for the test to judge.
 */
final class Browserless {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    String cookie;
    String csrf;
    List<String> lastSetCookie = List.of();

    /** An answer with its parsed JSON body. */
    record Answer(int status, JsonNode json, String body) {
        String error() {
            return json.path("error").asText();
        }
    }

    Browserless(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer signIn(String account, String password) throws Exception {
        Answer a = send("POST", "/v1/auth/sign-in", JSON.writeValueAsString(java.util.Map.of("account", account,
                "password", password)), false);
        if (a.status() == 200) {
            csrf = a.json().path("csrfToken").asText();
        }
        return a;
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null, false);
    }

    /** A change, with the CSRF token (as the console sends it). */
    Answer change(String method, String path, String body) throws Exception {
        return send(method, path, body, true);
    }

    Answer send(String method, String path, String body, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (withCsrf && csrf != null) {
            r.header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        lastSetCookie = response.headers().allValues("Set-Cookie");
        for (String set : lastSetCookie) {
            String pair = set.split(";", 2)[0];
            cookie = pair.endsWith("=") ? null : pair;
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.getNodeFactory().textNode(response.body());
        }
        return new Answer(response.statusCode(), json == null ? JSON.nullNode() : json, response.body());
    }
}
