package io.tradewind.infra.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/** The bench's searches: the queries in turn, every other one personalised for the next user. */
record SearchMix(List<String> queries, List<String> users) {
    /** Search terms a gift-shop customer types, with plurals and typos on purpose. */
    static final List<String> GIFT_SHOP_QUERIES = List.of("candle holders", "hart", "heart", "lunch bag", "christmas",
            "vintage doily", "cake stand", "tea set", "bunting", "jumbo bag red", "hot water bottle", "lantern",
            "mug", "paper chain kit", "doormat", "wall clock", "glass jar", "retrospot", "alarm clock", "tins");

    String query(long i) {
        return queries.get((int) (i % queries.size()));
    }

    /** The user the i-th search is personalised for, or null. */
    String user(long i) {
        return i % 2 == 0 ? users.get((int) (i % users.size())) : null;
    }

    /** The i-th search as a request of the API, with {@code size} results. */
    LongFunction<String> apiPaths(int size) {
        return i -> "/v1/search?size=" + size + "&q=" + URLEncoder.encode(query(i), StandardCharsets.UTF_8)
                + (user(i) != null ? "&user=" + user(i) : "");
    }
}
