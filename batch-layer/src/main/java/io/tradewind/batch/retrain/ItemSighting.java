package io.tradewind.batch.retrain;

import java.io.Serializable;

/** One buyer's purchases of one item, as the per-item aggregation needs them: where from, title, prices paid. */
public record ItemSighting(String itemId, String country, String title, String category, double unitPriceSum,
                           int unitPriceCount) implements Serializable {
}
