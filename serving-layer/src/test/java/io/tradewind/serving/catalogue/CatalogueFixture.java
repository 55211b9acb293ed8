package io.tradewind.serving.catalogue;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.core.popularity.PopularityTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Online Retail-like catalogue: real-looking stock codes and titles, buyers per country, and popularity lists
 * derived from them the way the retrain does (distinct buyers, top N per group).
 */
final class CatalogueFixture {
    static final String UK = "United Kingdom";
    static final String FRANCE = "France";
    static final String GERMANY = "Germany";
    static final String EIRE = "EIRE";
    /** Short lists, so that "on the country's most-bought list" singles items out in a catalogue this small. */
    static final int TOP_N = 3;

    static final List<ItemStat> ITEMS = List.of(
            item("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", null, 2.55, UK, 800, FRANCE, 5, GERMANY, 10),
            item("21733", "RED HANGING HEART T-LIGHT HOLDER", null, 2.95, UK, 290, FRANCE, 3),
            item("22804", "CANDLEHOLDER PINK HANGING HEART", null, 2.95, UK, 110),
            item("22469", "HEART OF WICKER SMALL", "Home decor", 1.65, UK, 300, FRANCE, 40, EIRE, 12),
            item("22470", "HEART OF WICKER LARGE", "Home decor", 2.95, UK, 200, FRANCE, 60),
            item("23321", "WOODEN HEART CHRISTMAS SCANDINAVIAN", "Christmas", 0.85, FRANCE, 90, GERMANY, 30, UK, 20),
            item("84970L", "FROSTED GLASS HEART DECORATION", null, 1.25, UK, 40, GERMANY, 25),
            item("22499", "HEART WREATH HANGING DECORATION", "Home decor", 1.95, UK, 680),
            item("71459", "HANGING JAM JAR T-LIGHT HOLDER", null, 0.85, UK, 150),
            item("22197", "SMALL POPCORN HOLDER", null, 0.85, UK, 300, FRANCE, 20),
            item("21977", "PACK OF 60 PINK PAISLEY CAKE CASES", null, 0.55, UK, 250, GERMANY, 40),
            item("85099B", "JUMBO BAG RED RETROSPOT", "Bags", 2.08, UK, 600, FRANCE, 50, GERMANY, 60, EIRE, 30),
            item("22727", "ALARM CLOCK BAKELIKE RED", null, 3.75, UK, 300, FRANCE, 100),
            item("22728", "ALARM CLOCK BAKELIKE PINK", null, 3.75, UK, 200, FRANCE, 70),
            item("23084", "RABBIT NIGHT LIGHT", null, 2.08, UK, 200, FRANCE, 150, GERMANY, 80),
            item("48187", "DOORMAT NEW ENGLAND", null, 7.95, UK, 100, GERMANY, 5),
            item("22423", "REGENCY CAKESTAND 3 TIER", "Kitchen", 12.75, UK, 700, FRANCE, 60, GERMANY, 40, EIRE, 20),
            item("84879", "ASSORTED COLOUR BIRD ORNAMENT", null, 1.69, UK, 650),
            item("21137", "BLACK RECORD COVER FRAME", null, 3.75, UK, 80),
            item("22086", "PAPER CHAIN KIT 50'S CHRISTMAS", "Christmas", 2.95, UK, 400, GERMANY, 20),
            item("90001", "VINTAGE SHOPPING CART MAGNET", null, 1.25, UK, 900),
            item("20725", "LUNCH BAG RED RETROSPOT", "Bags", 1.65, UK, 500, FRANCE, 30),
            item("22630", "LUNCH BOX I LOVE LONDON", null, 1.95, UK, 120),
            item("22112", "CHOCOLATE HOT WATER BOTTLE", null, 4.95, UK, 180),
            item("22502", "PICNIC BASKET WICKER", "Home decor", 24.95, UK, 60, GERMANY, 10));

    /** Segment lists come from users, not items: hand-made like the retrain's per-segment counts. */
    static final Map<String, List<String>> SEGMENT_TOPS = Map.of(
            "high-value", List.of("22423", "22502", "84879"),
            "new", List.of("85099B", "20725", "22630"));

    private CatalogueFixture() {
    }

    static List<PopularityView> popularity(List<ItemStat> items) {
        PopularityTable global = new PopularityTable();
        PopularityTable byCountry = new PopularityTable();
        for (ItemStat item : items) {
            global.addBuyers("all", item.itemId(), item.buyers());
            item.buyersByCountry().forEach((country, buyers) -> byCountry.addBuyers(country, item.itemId(), buyers));
        }
        List<PopularityView> out = new ArrayList<>();
        global.top(TOP_N).forEach((g, top) -> out.add(new PopularityView(PopularityView.GLOBAL, g, top)));
        byCountry.top(TOP_N).forEach((g, top) -> out.add(new PopularityView(PopularityView.COUNTRY, g, top)));
        SEGMENT_TOPS.forEach((segment, ids) -> out.add(new PopularityView(PopularityView.SEGMENT, segment,
                ids.stream().map(id -> new PopularityTable.Entry(id, 10)).toList())));
        return out;
    }

    static ItemStat item(String id, String title, String category, double price, Object... countryBuyers) {
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        int buyers = 0;
        for (int i = 0; i < countryBuyers.length; i += 2) {
            byCountry.put((String) countryBuyers[i], (Integer) countryBuyers[i + 1]);
            buyers += (Integer) countryBuyers[i + 1];
        }
        return new ItemStat(id, title, category, price, buyers, byCountry);
    }

    static ItemStat byId(String id) {
        return ITEMS.stream().filter(i -> i.itemId().equals(id)).findFirst().orElseThrow();
    }
}
