package io.tradewind.serving.catalogue;

import java.util.Map;

/**
 * What a shopper asks the catalogue: free text {@code q} (empty = browse by popularity), optional filters and the
 * page. Validated on construction; a bad value throws {@link InvalidSearchRequestException} naming the parameter.
 *
 * @param q        free text, at most {@value #MAX_QUERY_LENGTH} characters; null or blank browses
 * @param country  only items bought from this country (exact, e.g. {@code United Kingdom}); null for all
 * @param category only items of this category; null for all
 * @param priceMin lowest mean unit price, inclusive; null for none
 * @param priceMax highest mean unit price, inclusive; null for none
 * @param page     1-based page number
 * @param size     hits per page, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(String q, String country, String category, Double priceMin, Double priceMax, int page,
        int size) {
    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages are refused, not paged slowly. */
    public static final int MAX_RESULT_WINDOW = 10_000;
    private static final int MAX_FILTER_LENGTH = 100;

    public SearchRequest {
        q = q == null || q.isBlank() ? null : q.strip();
        country = blankToNull(country);
        category = blankToNull(category);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchRequestException("q", "at most " + MAX_QUERY_LENGTH + " characters, got "
                    + q.length());
        }
        checkLength("country", country);
        checkLength("category", category);
        checkPrice("priceMin", priceMin);
        checkPrice("priceMax", priceMax);
        if (priceMin != null && priceMax != null && priceMin > priceMax) {
            throw new InvalidSearchRequestException("priceMax", "must not be below priceMin (" + priceMin + ")");
        }
        if (page < 1) {
            throw new InvalidSearchRequestException("page", "must be 1 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchRequestException("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new InvalidSearchRequestException("page", "page × size must not exceed " + MAX_RESULT_WINDOW
                    + "; narrow the search instead");
        }
    }

    /** A text search, first page of {@value #DEFAULT_SIZE}, no filters. */
    public static SearchRequest text(String q) {
        return new SearchRequest(q, null, null, null, null, 1, DEFAULT_SIZE);
    }

    /**
     * From HTTP query parameters ({@code q, country, category, priceMin, priceMax, page, size}; absent ones take
     * their defaults). Numbers that do not parse are reported under their parameter name.
     */
    public static SearchRequest fromParameters(Map<String, String> params) {
        return new SearchRequest(params.get("q"), params.get("country"), params.get("category"),
                decimal(params, "priceMin"), decimal(params, "priceMax"),
                integer(params, "page", 1), integer(params, "size", DEFAULT_SIZE));
    }

    boolean isBrowse() {
        return q == null;
    }

    int from() {
        return (page - 1) * size;
    }

    private static Double decimal(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidSearchRequestException(name, "not a number: " + shortened(value));
        }
    }

    private static int integer(Map<String, String> params, String name, int fallback) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchRequestException(name, "not a whole number: " + shortened(value));
        }
    }

    private static void checkPrice(String name, Double price) {
        if (price != null && (!Double.isFinite(price) || price < 0)) {
            throw new InvalidSearchRequestException(name, "must be a finite number of 0 or more, got " + price);
        }
    }

    private static void checkLength(String name, String value) {
        if (value != null && value.length() > MAX_FILTER_LENGTH) {
            throw new InvalidSearchRequestException(name, "at most " + MAX_FILTER_LENGTH + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Echoing a 10 kB parameter back into an error message helps nobody. */
    private static String shortened(String value) {
        return value.length() <= 20 ? "'" + value + "'" : "'" + value.substring(0, 20) + "…'";
    }
}
