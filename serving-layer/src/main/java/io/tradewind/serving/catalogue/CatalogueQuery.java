package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradewind.contracts.catalogue.CatalogueFields;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link SearchRequest} into the {@code _search} body. The shopper's text only ever becomes the
 * {@code query} value of {@code match}/{@code match_phrase} clauses, set through Jackson: no
 * {@code query_string}, no string concatenation, so quotes, backslashes, {@code *}, {@code OR} or a whole JSON query
 * typed into the search box are searched for as words, nothing more.
 */
final class CatalogueQuery {
    /** Facet price bands (unit prices in the shop's currency; Online Retail items mostly cost 0.1-15). */
    static final List<double[]> PRICE_BANDS = List.of(
            new double[] {0, 1}, new double[] {1, 2}, new double[] {2, 5}, new double[] {5, 10},
            new double[] {10, 20}, new double[] {20, Double.POSITIVE_INFINITY});
    static final int FACET_SIZE = 20;
    static final String[] SOURCE_FIELDS = {"id", "title", "price", "category", "countries", "title_words",
            "top_in_country", "top_in_segment", CatalogueFields.TRENDING_IN_COUNTRY};
    /** An exact phrase outranks the same words scattered through a title. */
    static final double PHRASE_BOOST = 3.0;

    private CatalogueQuery() {
    }

    static ObjectNode body(SearchRequest request, Optional<UserAffinity> user) {
        ObjectNode bool = object();
        bool.set("must", array().add(request.isBrowse() ? object().set("match_all", object()) : text(request.q())));
        bool.set("filter", filters(request));

        ObjectNode functionScore = object();
        functionScore.set("query", object().set("bool", bool));
        functionScore.set("functions", AffinityBoosts.functions(user));
        functionScore.put("score_mode", "sum").put("boost_mode", "multiply");

        ObjectNode body = object().put("from", request.from()).put("size", request.size())
                .put("track_total_hits", true);
        body.set("query", object().set("function_score", functionScore));
        // Ties (all of a browse's unboosted items) fall back to buyers, then id, so pages never overlap.
        body.set("sort", array().add("_score").add(object().put("buyers", "desc")).add(object().put("id", "asc")));
        ArrayNode source = array();
        for (String field : SOURCE_FIELDS) {
            source.add(field);
        }
        body.set("_source", source);
        body.set("aggs", facets());
        return body;
    }

    /**
     * Any of: the title words with typo tolerance (AUTO: 1 edit from 3 letters, 2 from 6; the first letter must
     * match, which keeps "hart" on heart and off cart), the English stems (plurals and verb forms, computed in Java)
     * and the exact phrase with a boost.
     */
    private static ObjectNode text(String q) {
        ArrayNode should = array();
        ObjectNode title = object().put("query", q).put("fuzziness", "AUTO").put("prefix_length", 1)
                .put("max_expansions", 20);
        should.add(object().set("match", object().set("title", title)));
        String stems = EnglishStems.joined(q);
        if (!stems.isEmpty()) {
            should.add(object().set("match", object().set("title_stems", object().put("query", stems))));
        }
        ObjectNode phrase = object().put("query", q).put("boost", PHRASE_BOOST);
        should.add(object().set("match_phrase", object().set("title", phrase)));
        ObjectNode bool = object().put("minimum_should_match", 1);
        bool.set("should", should);
        return object().set("bool", bool);
    }

    private static ArrayNode filters(SearchRequest request) {
        ArrayNode filters = array();
        if (request.country() != null) {
            filters.add(AffinityBoosts.term("countries", request.country()));
        }
        if (request.category() != null) {
            filters.add(AffinityBoosts.term("category", request.category()));
        }
        if (request.priceMin() != null || request.priceMax() != null) {
            ObjectNode range = object();
            if (request.priceMin() != null) {
                range.put("gte", request.priceMin());
            }
            if (request.priceMax() != null) {
                range.put("lte", request.priceMax());
            }
            filters.add(object().set("range", object().set("price", range)));
        }
        return filters;
    }

    /** Facets count the current result set (filters included), so every count is what a click would show. */
    private static ObjectNode facets() {
        ObjectNode aggs = object();
        ArrayNode ranges = array();
        for (double[] band : PRICE_BANDS) {
            ObjectNode range = object().put("key", PriceFacet.label(band[0], band[1])).put("from", band[0]);
            if (Double.isFinite(band[1])) {
                range.put("to", band[1]);
            }
            ranges.add(range);
        }
        ObjectNode price = object().put("field", "price");
        price.set("ranges", ranges);
        aggs.set("price", object().set("range", price));
        aggs.set("countries", terms("countries"));
        aggs.set("categories", terms("category"));
        aggs.set("words", terms("title_words"));
        return aggs;
    }

    private static ObjectNode terms(String field) {
        return object().set("terms", object().put("field", field).put("size", FACET_SIZE));
    }

    private static ObjectNode object() {
        return ElasticsearchConnection.JSON.createObjectNode();
    }

    private static ArrayNode array() {
        return ElasticsearchConnection.JSON.createArrayNode();
    }
}
