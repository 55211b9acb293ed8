package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi.yaml}: the API's description, the same file the tests check the API against. */
final class OpenApiEndpoint implements Endpoint {
    static final String RESOURCE = "/openapi.yaml";
    private final String document;

    OpenApiEndpoint() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object handle(ApiRequest request) {
        return ApiResponse.text(document, "application/yaml");
    }
}
