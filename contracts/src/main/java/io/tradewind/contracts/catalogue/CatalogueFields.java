package io.tradewind.contracts.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Elasticsearch catalogue as two layers share it: the serving layer builds one index per batch version behind
 * an alias (mapping in {@value #INDEX_RESOURCE} on the class path), and the speed layer updates the trending fields
 * of the documents behind that alias in place, with partial updates.
 */
public final class CatalogueFields {
    /** The create-index body (settings and a strict mapping). */
    public static final String INDEX_RESOURCE = "/catalogue/index.json";
    /** The alias searches and trending updates go through. */
    public static final String DEFAULT_ALIAS = "catalogue";
    /** Countries where the product is among the most wanted in the latest trending window. */
    public static final String TRENDING_IN_COUNTRY = "trending_in_country";
    /** End of that window (event time, epoch millis). */
    public static final String TRENDING_AT = "trending_at";

    private CatalogueFields() {
    }

    /** The create-index body as JSON text. */
    public static String indexBody() {
        try (InputStream in = CatalogueFields.class.getResourceAsStream(INDEX_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(INDEX_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX_RESOURCE, e);
        }
    }
}
