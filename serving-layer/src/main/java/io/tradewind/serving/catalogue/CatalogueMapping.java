package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradewind.contracts.catalogue.CatalogueFields;

/** The settings and mapping of a catalogue index, shared with the speed layer through {@link CatalogueFields}. */
final class CatalogueMapping {
    private CatalogueMapping() {
    }

    /** A fresh copy of the create-index body (callers add the {@code _meta}). */
    static ObjectNode indexBody() {
        try {
            return (ObjectNode) ElasticsearchConnection.JSON.readTree(CatalogueFields.indexBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(CatalogueFields.INDEX_RESOURCE + " is not JSON", e);
        }
    }
}
