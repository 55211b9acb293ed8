package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.core.portrait.TitleWords;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One item as indexed in the catalogue (field names as in {@code catalogue/index.json}). Everything that needs
 * language or batch-view knowledge is computed here in Java, so the index needs nothing beyond Elasticsearch's core:
 * English stems, the title words portraits count ({@link TitleWords}, so "matches your taste" compares like with
 * like), and the top lists the item is on.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CatalogueDocument(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("title_stems") String titleStems,
        @JsonProperty("title_words") List<String> titleWords,
        @JsonProperty("price") Double price,
        @JsonProperty("category") String category,
        @JsonProperty("countries") List<String> countries,
        @JsonProperty("buyers") int buyers,
        @JsonProperty("top_in_country") List<String> topInCountry,
        @JsonProperty("top_in_segment") List<String> topInSegment,
        @JsonProperty("top_global") boolean topGlobal) {

    static CatalogueDocument of(ItemStat item, TopListMembership tops) {
        String title = item.title() == null ? "" : item.title();
        Map<String, Integer> byCountry = item.buyersByCountry() == null ? Map.of() : item.buyersByCountry();
        // A non-finite mean price (no priced sale) is unknown, not a number Elasticsearch would reject.
        Double price = Double.isFinite(item.meanUnitPrice()) ? item.meanUnitPrice() : null;
        String category = item.category() == null || item.category().isBlank() ? null : item.category();
        return new CatalogueDocument(
                item.itemId(),
                title,
                EnglishStems.joined(title),
                List.copyOf(new TreeSet<>(TitleWords.of(title))),
                price,
                category,
                List.copyOf(new TreeSet<>(byCountry.keySet())),
                item.buyers(),
                tops.countriesOf(item.itemId()),
                tops.segmentsOf(item.itemId()),
                tops.isGlobalTop(item.itemId()));
    }

    CatalogueDocument withCategory(String newCategory) {
        return new CatalogueDocument(id, title, titleStems, titleWords, price, newCategory, countries, buyers,
                topInCountry, topInSegment, topGlobal);
    }
}
