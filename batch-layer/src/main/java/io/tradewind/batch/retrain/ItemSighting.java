package io.tradewind.batch.retrain;

import java.io.Serializable;

/**
 * One user's view of one item, as the per-item aggregate needs it: what the item is called and costs, and
 * (when {@code bought}) the buyer's country. Users who only looked at an item name it but are no buyers.
 */
public record ItemSighting(String itemId, boolean bought, String country, String title, String category,
                           double unitPriceSum, int unitPriceCount) implements Serializable {
}
