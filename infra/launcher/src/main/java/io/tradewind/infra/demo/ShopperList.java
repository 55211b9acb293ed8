package io.tradewind.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A shopper's recommendations as a shop gets them: {@code GET /v1/users/{id}/recommendations} with a shop key, the
 * batch list merged with the speed layer's real-time list.
 */
final class ShopperList {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recommended item; {@code source} is batch, realtime or popular, {@code because} says why. */
    record Entry(String item, String title, String source, String because) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String shopKey;

    ShopperList(String baseUrl, String shopKey) {
        this.baseUrl = baseUrl;
        this.shopKey = shopKey;
    }

    List<Entry> top(String user, int k) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/v1/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "/recommendations?k=" + k);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("X-Api-Key", shopKey)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode i : JSON.readTree(response.body()).path("items")) {
            entries.add(new Entry(i.path("item").asText(), i.path("title").isTextual() ? i.path("title").asText() : null,
                    i.path("source").asText(), i.path("because").asText()));
        }
        return entries;
    }
}
