package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The settings and mapping of a catalogue index, kept as JSON in {@code catalogue/index.json} on the class path. */
final class CatalogueMapping {
    static final String RESOURCE = "/catalogue/index.json";

    private CatalogueMapping() {
    }

    /** A fresh copy of the create-index body (callers add the {@code _meta}). */
    static ObjectNode indexBody() {
        try (InputStream in = CatalogueMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return (ObjectNode) ElasticsearchConnection.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
