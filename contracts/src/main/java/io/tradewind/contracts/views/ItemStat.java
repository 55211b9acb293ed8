package io.tradewind.contracts.views;

import java.io.Serializable;
import java.util.Map;

/** Catalogue facts about an item learnt from purchases: title, price, buyers overall and per country. */
public record ItemStat(
        String itemId,
        String title,
        String category,
        double meanUnitPrice,
        int buyers,
        Map<String, Integer> buyersByCountry) implements Serializable {
}
