package io.tradewind.speed.trending;

import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How trending items per country are counted and where they are published.
 *
 * @param catalogueUrl   Elasticsearch URL(s), comma-separated; null counts trends without publishing them
 * @param catalogueCredentials the user the writes authenticate as; null for none
 * @param catalogueAlias the catalogue alias whose documents get the trending fields
 * @param window         length of a sliding event-time window ("trending" = most wanted within it)
 * @param slide          how often a new window ends, i.e. how often the board is republished
 * @param lateness       how far out of order events may arrive and still count; later ones are counted as late
 * @param idleness       a Kafka partition silent this long stops holding event time back
 * @param size           items per country on the board
 */
public record TrendingSettings(String catalogueUrl, ElasticsearchCredentials catalogueCredentials,
                               String catalogueAlias, Duration window, Duration slide, Duration lateness,
                               Duration idleness, int size) implements Serializable {
    public TrendingSettings {
        Objects.requireNonNull(catalogueAlias, "catalogueAlias");
        if (window.isZero() || window.isNegative() || slide.isZero() || slide.isNegative()
                || window.toMillis() % slide.toMillis() != 0) {
            throw new IllegalArgumentException("the trending window (" + window + ") must be a positive multiple of"
                    + " its slide (" + slide + ")");
        }
        if (lateness.isNegative() || idleness.isNegative() || idleness.isZero()) {
            throw new IllegalArgumentException("lateness must be >= 0 and idleness > 0");
        }
        if (size < 1) {
            throw new IllegalArgumentException("the trending board needs at least one item per country, got " + size);
        }
    }

    /** One hour windows every 15 minutes, 20 items per country, one minute of disorder allowed; not published. */
    public static TrendingSettings defaults() {
        return new TrendingSettings(null, null, CatalogueFields.DEFAULT_ALIAS, Duration.ofHours(1), Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofSeconds(30), 20);
    }

    public TrendingSettings publishingTo(String url, String alias) {
        return new TrendingSettings(url, catalogueCredentials, alias, window, slide, lateness, idleness, size);
    }

    /** The user the trending writes authenticate to Elasticsearch as; null for none. */
    public TrendingSettings authenticatingAs(ElasticsearchCredentials credentials) {
        return new TrendingSettings(catalogueUrl, credentials, catalogueAlias, window, slide, lateness, idleness, size);
    }

    public TrendingSettings withWindows(Duration newWindow, Duration newSlide, Duration newLateness) {
        return new TrendingSettings(catalogueUrl, catalogueCredentials, catalogueAlias, newWindow, newSlide, newLateness,
                idleness, size);
    }

    public boolean publishes() {
        return catalogueUrl != null && !catalogueUrl.isBlank();
    }
}
