package io.tradewind.serving.catalogue;

import static io.tradewind.serving.catalogue.CatalogueFixture.FRANCE;
import static io.tradewind.serving.catalogue.CatalogueFixture.GERMANY;
import static io.tradewind.serving.catalogue.CatalogueFixture.ITEMS;
import static io.tradewind.serving.catalogue.CatalogueFixture.UK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shopper sees when searching a small real catalogue on a real Elasticsearch server. */
class ProductSearchTest {
    @TempDir
    static File workDir;
    static EmbeddedElasticsearch server;
    static ElasticsearchConnection es;
    static ProductSearch search;

    @BeforeAll
    static void buildCatalogue() throws Exception {
        server = EmbeddedElasticsearch.start(workDir);
        es = ElasticsearchConnection.open(server.uri());
        new CatalogueIndex(es).build("20111210T000000Z", ITEMS, CatalogueFixture.popularity(ITEMS),
                ProgressListener.NONE);
        search = new ProductSearch(es);
    }

    @AfterAll
    static void stop() {
        if (es != null) {
            es.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pluralsFindSingularTitles() {
        SearchResult holders = anonymous("candle holders");
        assertTrue(holders.total() >= 4, "holder items found: " + titles(holders));
        titles(holders).subList(0, 4).forEach(t -> assertTrue(t.contains("HOLDER"), t + " in " + titles(holders)));

        // Only the stems can match these: "hangs" is three edits from "hanging", "boxes" two from "box".
        assertTrue(titles(anonymous("hangs")).stream().allMatch(t -> t.contains("HANGING")));
        assertEquals(new HashSet<>(idList(anonymous("hangs"))), ids(ITEMS, i -> i.title().contains("HANGING")));
        assertEquals(List.of("LUNCH BOX I LOVE LONDON"), titles(anonymous("boxes")));
    }

    @Test
    void aTypoStillFindsHeartItemsFirst() {
        SearchResult hart = anonymous("hart");
        Set<String> hearts = ids(ITEMS, i -> i.title().contains("HEART"));
        assertEquals(hearts.size(), hart.total(), "every heart item and nothing else (not the CART): " + titles(hart));
        assertEquals(hearts, new HashSet<>(idList(hart)));
        assertEquals(titles(anonymous("heart")), titles(hart), "same order as the correctly spelt word");
    }

    @Test
    void anExactPhraseRanksAboveScatteredWords() {
        List<String> titles = titles(anonymous("hanging heart"));
        // The wreath has both words, a shorter title and more buyers than the candle holder, but not the phrase.
        int wreath = titles.indexOf("HEART WREATH HANGING DECORATION");
        for (String phrase : List.of("WHITE HANGING HEART T-LIGHT HOLDER", "RED HANGING HEART T-LIGHT HOLDER",
                "CANDLEHOLDER PINK HANGING HEART")) {
            assertTrue(titles.indexOf(phrase) >= 0 && titles.indexOf(phrase) < wreath, titles.toString());
        }
    }

    @Test
    void shoppersFromDifferentCountriesSeeTheirCountrysFavouritesFirst() {
        SearchResult neutral = anonymous("heart");
        SearchResult uk = search.search(SearchRequest.text("heart"),
                Optional.of(new UserAffinity(UK, null, List.of(), List.of())));
        SearchResult france = search.search(SearchRequest.text("heart"),
                Optional.of(new UserAffinity(FRANCE, null, List.of(), List.of())));

        assertEquals("85123A", uk.hits().get(0).itemId(), titles(uk).toString());
        assertEquals("23321", france.hits().get(0).itemId(), titles(france).toString());
        assertEquals(List.of("popular in your country (France)"), france.hits().get(0).why());
        assertNotEquals(idList(neutral).get(0), france.hits().get(0).itemId());
        // Personalisation reorders, never adds or drops matches; the anonymous order is stable and says no "why".
        assertEquals(neutral.total(), france.total());
        assertEquals(idList(neutral), idList(anonymous("heart")));
        assertTrue(neutral.hits().stream().allMatch(h -> h.why().isEmpty()));
        assertTrue(!neutral.personalised() && france.personalised());
    }

    @Test
    void whatTheSpeedLayerMarksTrendingInTheShoppersCountryRisesWithAReason() throws Exception {
        Optional<UserAffinity> japan = Optional.of(new UserAffinity("Japan", null, List.of(), List.of()));
        List<String> before = idList(search.search(SearchRequest.text("heart"), japan));
        String last = before.get(before.size() - 1);
        setTrending(last, "[\"Japan\"]");
        try {
            SearchResult after = search.search(SearchRequest.text("heart"), japan);
            assertEquals(last, after.hits().get(0).itemId(), "was last of " + before + ", now " + idList(after));
            assertEquals(List.of("trending now in your country (Japan)"), after.hits().get(0).why());
            assertEquals(before, idList(anonymous("heart")).stream().filter(before::contains).toList(),
                    "anonymous shoppers are not steered by another country's trends");
        } finally {
            setTrending(last, "[]");
        }
        assertEquals(before, idList(search.search(SearchRequest.text("heart"), japan)), "and it falls back when it leaves");
    }

    /** What the speed layer's catalogue sink writes: a partial update of the document, seen after a refresh. */
    private static void setTrending(String itemId, String countries) throws Exception {
        es.send("POST", "/" + CatalogueIndex.DEFAULT_ALIAS + "/_update/" + itemId, ElasticsearchConnection.JSON.readTree(
                "{\"doc\":{\"" + CatalogueFields.TRENDING_IN_COUNTRY + "\":" + countries + "}}"), Map.of("refresh", "true"));
    }

    @Test
    void shoppersWithDifferentTastesSeeDifferentOrders() {
        SearchResult wicker = search.search(SearchRequest.text("heart"),
                Optional.of(new UserAffinity(null, null, List.of("wicker"), List.of())));
        SearchResult glass = search.search(SearchRequest.text("heart"),
                Optional.of(new UserAffinity(null, null, List.of("GLASS", "frosted"), List.of())));
        assertTrue(wicker.hits().get(0).title().contains("WICKER"), titles(wicker).toString());
        assertEquals("FROSTED GLASS HEART DECORATION", glass.hits().get(0).title());
        assertEquals(List.of("matches your taste: glass, frosted"), glass.hits().get(0).why());
    }

    @Test
    void aRepeatedUnpersonalisedSearchComesFromTheRequestCacheAPersonalisedOneDoesNot() {
        long[] before = requestCache();
        SearchResult first = anonymous("rabbit night light");
        SearchResult again = anonymous("rabbit night light");
        long[] after = requestCache();
        assertEquals(titles(first), titles(again));
        assertEquals(1, after[1] - before[1], "the first search is computed");
        assertEquals(1, after[0] - before[0], "the repeat is answered from the cache");

        Optional<UserAffinity> taste = Optional.of(new UserAffinity(null, null, List.of("wicker"), List.of()));
        search.search(SearchRequest.text("rabbit night light"), taste);
        search.search(SearchRequest.text("rabbit night light"), taste);
        long[] personalised = requestCache();
        assertEquals(after[0] + after[1], personalised[0] + personalised[1], "personalised searches bypass it");
    }

    /** Hits and misses of Elasticsearch's shard request cache so far. */
    private static long[] requestCache() {
        var cache = es.send("GET", "/_stats/request_cache", null).path("_all").path("total").path("request_cache");
        return new long[] {cache.path("hit_count").asLong(), cache.path("miss_count").asLong()};
    }

    @Test
    void segmentAndRecentPurchasesLiftItemsInABrowse() {
        UserAffinity highValue = new UserAffinity(null, "high-value", List.of(), List.of("21137"));
        SearchResult browse = search.search(new SearchRequest(null, null, null, null, null, 1, 5),
                Optional.of(highValue));
        List<String> top = idList(browse);
        assertTrue(top.containsAll(List.of("22423", "22502", "84879", "21137")), top.toString());
        SearchHit record = browse.hits().stream().filter(h -> h.itemId().equals("21137")).findFirst().orElseThrow();
        assertEquals(List.of("you bought this recently"), record.why());
    }

    @Test
    void anEmptyQueryBrowsesByPopularity() {
        SearchResult browse = search.search(new SearchRequest("  ", null, null, null, null, 1, 100), Optional.empty());
        assertEquals(ITEMS.size(), browse.total());
        List<String> byBuyers = ITEMS.stream()
                .sorted(Comparator.comparingInt(ItemStat::buyers).reversed().thenComparing(ItemStat::itemId))
                .map(ItemStat::itemId).toList();
        assertEquals(byBuyers, idList(browse));
    }

    @Test
    void facetsCountAllMatchesNotJustThePage() {
        SearchResult heart = search.search(new SearchRequest("heart", null, null, null, null, 1, 2),
                Optional.empty());
        List<ItemStat> hearts = ITEMS.stream().filter(i -> i.title().contains("HEART")).toList();
        assertEquals(2, heart.hits().size());

        Map<String, Long> words = counts(heart.facets().words());
        assertEquals(hearts.size(), words.get("heart"));
        assertEquals(hearts.stream().filter(i -> i.title().contains("HANGING")).count(), words.get("hanging"));
        Map<String, Long> countries = counts(heart.facets().countries());
        for (String country : List.of(UK, FRANCE, GERMANY)) {
            assertEquals(hearts.stream().filter(i -> i.buyersByCountry().containsKey(country)).count(),
                    countries.get(country), country);
        }
        assertEquals(hearts.stream().filter(i -> "Home decor".equals(i.category())).count(),
                counts(heart.facets().categories()).get("Home decor"));
        for (PriceFacet band : heart.facets().prices()) {
            double to = band.to() == null ? Double.POSITIVE_INFINITY : band.to();
            assertEquals(hearts.stream().filter(i -> i.meanUnitPrice() >= band.from() && i.meanUnitPrice() < to)
                    .count(), band.count(), band.label());
        }
        assertEquals(List.of("0-1", "1-2", "2-5", "5-10", "10-20", "20+"),
                heart.facets().prices().stream().map(PriceFacet::label).toList());
    }

    @Test
    void filtersNarrowByPriceCountryAndCategory() {
        SearchResult priced = search.search(new SearchRequest("heart", null, null, 2.0, 3.0, 1, 50), Optional.empty());
        assertEquals(ids(ITEMS, i -> i.title().contains("HEART") && i.meanUnitPrice() >= 2 && i.meanUnitPrice() <= 3),
                new HashSet<>(idList(priced)));

        SearchResult german = search.search(new SearchRequest(null, GERMANY, null, null, null, 1, 50),
                Optional.empty());
        assertEquals(ids(ITEMS, i -> i.buyersByCountry().containsKey(GERMANY)), new HashSet<>(idList(german)));
        assertTrue(german.hits().stream().allMatch(h -> h.countries().contains(GERMANY)));

        SearchResult wicker = search.search(new SearchRequest("wicker", null, "Home decor", null, 10.0, 1, 50),
                Optional.empty());
        assertEquals(Set.of("22469", "22470"), new HashSet<>(idList(wicker)));
        assertTrue(wicker.hits().stream().allMatch(h -> "Home decor".equals(h.category())));
    }

    @Test
    void pagesCoverEveryItemOnce() {
        List<String> seen = new ArrayList<>();
        SearchResult first = search.search(new SearchRequest(null, null, null, null, null, 1, 7), Optional.empty());
        for (int page = 1; page <= first.pages(); page++) {
            SearchResult result = search.search(new SearchRequest(null, null, null, null, null, page, 7),
                    Optional.empty());
            assertEquals(page < first.pages() ? 7 : ITEMS.size() % 7, result.hits().size(), "page " + page);
            seen.addAll(idList(result));
        }
        assertEquals(4, first.pages());
        assertEquals(ITEMS.size(), new HashSet<>(seen).size());
        assertEquals(ITEMS.size(), seen.size());
        assertTrue(search.search(new SearchRequest(null, null, null, null, null, 9, 7), Optional.empty())
                .hits().isEmpty());
    }

    @Test
    void hostileTextIsOnlyEverSearchedForAsWords() {
        List<String> hostile = List.of("\"", "\\", "*", "\"heart", "heart\\", "he*rt", "{\"query\":{\"match_all\":{}}}",
                "title:foo OR 1=1", "heart\"}}, {\"match_all\": {}", "<script>alert(1)</script>", "%00\u0000heart",
                "((((heart", "heart~10^99", "/.*/", "\uD83D\uDC96 heart", "a".repeat(200));
        Optional<UserAffinity> sneaky = Optional.of(new UserAffinity("\"}}", "*", List.of("\\", "{"),
                List.of("\"", "*")));
        for (String q : hostile) {
            for (Optional<UserAffinity> user : List.of(Optional.<UserAffinity>empty(), sneaky)) {
                SearchResult result = search.search(SearchRequest.text(q), user);
                assertTrue(result.total() < ITEMS.size(), q + " must not match everything: " + result.total());
            }
        }
        assertEquals(0, anonymous("{\"query\":{\"match_all\":{}}}").total());
        assertEquals(0, anonymous("*").total());
        assertTrue(anonymous("\"heart").total() > 0, "a stray quote is ignored, the word still found");
        assertTrue(anonymous("heart~10^99").total() > 0);

        InvalidSearchRequestException tooLong = assertThrows(InvalidSearchRequestException.class,
                () -> search.search(SearchRequest.text("heart ".repeat(2000)), Optional.empty()));
        assertEquals("q", tooLong.parameter());
    }

    @Test
    void badParametersAreNamed() {
        record Case(String parameter, Map<String, String> params) {
        }
        for (Case c : List.of(
                new Case("q", Map.of("q", "x".repeat(201))),
                new Case("priceMin", Map.of("priceMin", "cheap")),
                new Case("priceMin", Map.of("priceMin", "-1")),
                new Case("priceMax", Map.of("priceMax", "NaN")),
                new Case("priceMax", Map.of("priceMin", "5", "priceMax", "2")),
                new Case("page", Map.of("page", "0")),
                new Case("page", Map.of("page", "1e3")),
                new Case("page", Map.of("page", "1000", "size", "100")),
                new Case("size", Map.of("size", "0")),
                new Case("size", Map.of("size", "101")),
                new Case("country", Map.of("country", "c".repeat(101))))) {
            InvalidSearchRequestException e = assertThrows(InvalidSearchRequestException.class,
                    () -> SearchRequest.fromParameters(c.params()), c.toString());
            assertEquals(c.parameter(), e.parameter(), e.getMessage());
        }
        SearchRequest defaults = SearchRequest.fromParameters(Map.of("q", " heart ", "priceMax", "3.5"));
        assertEquals(new SearchRequest("heart", null, null, null, 3.5, 1, SearchRequest.DEFAULT_SIZE), defaults);
    }

    private static SearchResult anonymous(String q) {
        return search.search(SearchRequest.text(q), Optional.empty());
    }

    private static List<String> titles(SearchResult result) {
        return result.hits().stream().map(SearchHit::title).toList();
    }

    private static List<String> idList(SearchResult result) {
        return result.hits().stream().map(SearchHit::itemId).toList();
    }

    private static Set<String> ids(List<ItemStat> items, Predicate<ItemStat> which) {
        return items.stream().filter(which).map(ItemStat::itemId).collect(Collectors.toSet());
    }

    private static Map<String, Long> counts(List<FacetCount> facet) {
        return facet.stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    }
}
