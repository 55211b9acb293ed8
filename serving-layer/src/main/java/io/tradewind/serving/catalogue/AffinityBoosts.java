package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradewind.contracts.catalogue.CatalogueFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranking formula beyond text relevance, in one place so that the {@code function_score} functions and the
 * "why" shown to the shopper cannot disagree:
 *
 * <pre>
 * score = relevance × (1 + 0.1·log10(1 + buyers)
 *                        + 0.6·[on the most-bought list of the user's country]
 *                        + 0.4·[trending now in the user's country (the speed layer's latest window)]
 *                        + 0.3·[on the most-bought list of the user's segment]
 *                        + 0.25 per title word among the user's top words
 *                        + 0.2·[bought by the user recently])
 * </pre>
 *
 * Relevance is 1 for a browse. Without a user only the popularity term applies, so the order is the same for every
 * anonymous shopper. Everything is filters and {@code field_value_factor}: no scripts (the minimal distribution has
 * no painless), no {@code rank_feature} (no mapper-extras).
 */
final class AffinityBoosts {
    static final double POPULARITY = 0.1;
    static final double COUNTRY = 0.6;
    static final double TRENDING = 0.4;
    static final double SEGMENT = 0.3;
    static final double WORD = 0.25;
    static final double RECENT = 0.2;

    private AffinityBoosts() {
    }

    /** The {@code functions} of the {@code function_score} (combined with {@code score_mode: sum}). */
    static ArrayNode functions(Optional<UserAffinity> user) {
        ArrayNode functions = array();
        // The constant 1 keeps an item that no boost applies to at its plain relevance (sum, then multiply).
        functions.add(object().put("weight", 1.0));
        ObjectNode popularity = object();
        popularity.set("field_value_factor", object().put("field", "buyers").put("modifier", "log1p")
                .put("missing", 0));
        functions.add(popularity.put("weight", POPULARITY));
        user.ifPresent(u -> {
            if (u.country() != null) {
                functions.add(filtered(term("top_in_country", u.country()), COUNTRY));
                functions.add(filtered(term(CatalogueFields.TRENDING_IN_COUNTRY, u.country()), TRENDING));
            }
            if (u.segment() != null) {
                functions.add(filtered(term("top_in_segment", u.segment()), SEGMENT));
            }
            for (String word : u.topWords()) {
                functions.add(filtered(term("title_words", word), WORD));
            }
            if (!u.recentItems().isEmpty()) {
                ArrayNode ids = array();
                u.recentItems().forEach(ids::add);
                functions.add(filtered(object().set("terms", object().set("id", ids)), RECENT));
            }
        });
        return functions;
    }

    /** Why a hit was lifted for this user, from the same fields the functions filter on; empty without a user. */
    static List<String> why(JsonNode source, Optional<UserAffinity> user) {
        List<String> reasons = new ArrayList<>();
        if (user.isEmpty()) {
            return reasons;
        }
        UserAffinity u = user.get();
        if (u.country() != null && contains(source.path("top_in_country"), u.country())) {
            reasons.add("popular in your country (" + u.country() + ")");
        }
        if (u.country() != null && contains(source.path(CatalogueFields.TRENDING_IN_COUNTRY), u.country())) {
            reasons.add("trending now in your country (" + u.country() + ")");
        }
        if (u.segment() != null && contains(source.path("top_in_segment"), u.segment())) {
            reasons.add("popular with shoppers like you");
        }
        List<String> words = u.topWords().stream().filter(w -> contains(source.path("title_words"), w)).toList();
        if (!words.isEmpty()) {
            reasons.add("matches your taste: " + String.join(", ", words));
        }
        if (u.recentItems().contains(source.path("id").asText())) {
            reasons.add("you bought this recently");
        }
        return reasons;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode filtered(ObjectNode filter, double weight) {
        ObjectNode function = object();
        function.set("filter", filter);
        return function.put("weight", weight);
    }

    static ObjectNode term(String field, String value) {
        return object().set("term", object().put(field, value));
    }

    private static ObjectNode object() {
        return ElasticsearchConnection.JSON.createObjectNode();
    }

    private static ArrayNode array() {
        return ElasticsearchConnection.JSON.createArrayNode();
    }
}
