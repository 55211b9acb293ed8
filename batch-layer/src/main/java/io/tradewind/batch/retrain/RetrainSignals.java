package io.tradewind.batch.retrain;

import io.tradewind.core.event.EventType;
import io.tradewind.core.model.InteractionStrength;
import io.tradewind.core.portrait.UserActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code signals.json}: which signals this version's models and portraits saw, and which the data set lacks, so
 * a list learned from clicks alone or a portrait without revenue is never mistaken for one learned from
 * purchases and prices. The report shows the same.
 *
 * @param eventsByType  events before as-of per behaviour type
 * @param matrixUnit    the behaviour weight one count of the models' matrix stands for
 * @param itemsSeen     items anyone interacted with; {@code itemsModelled} of them were given to the models
 * @param absent        one sentence per missing signal: what is absent and what the version does without it
 */
public record RetrainSignals(Map<String, Long> eventsByType, String behaviourWeights, double matrixUnit,
                             boolean purchases, boolean prices, boolean countries, long buyers, long itemsSeen,
                             long itemsModelled, boolean segmented, boolean evaluated, List<String> absent) {
    public static final String FILE = "signals.json";

    static RetrainSignals of(EventAggregates aggregates, InteractionStrength strength, long buyers, long itemsModelled,
                             boolean segmented, boolean evaluated) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            byType.put(type.name(), aggregates.eventsByType().getOrDefault(type, 0L));
        }
        boolean purchases = byType.get(EventType.BUY.name()) > 0;
        boolean prices = aggregates.users().stream().anyMatch(UserActivity::hasPrices);
        boolean countries = aggregates.users().stream().anyMatch(u -> !u.countries().isEmpty());
        long itemsSeen = ModelCatalogue.distinctItems(aggregates.pairs());
        List<String> absent = new ArrayList<>();
        if (!purchases) {
            absent.add("purchases: the models learned from views, favourites and cart adds only, and there is no "
                    + "hold-out evaluation (it scores predicted purchases)");
        } else if (!evaluated) {
            absent.add("purchases on both sides of the hold-out: no offline evaluation for this version");
        }
        if (!prices) {
            absent.add("prices: portraits carry no monetary value (unknown, not zero) and segments are not told "
                    + "apart by revenue");
        }
        if (!countries) {
            absent.add("countries: no per-country popularity lists and no country mix");
        }
        if (!segmented) {
            absent.add("segments: fewer than 3 buyers in the portrait window, so users are 'unsegmented' (buyers) "
                    + "or 'new'");
        }
        if (itemsModelled < itemsSeen) {
            absent.add(String.format("%,d of %,d items: the models saw the %,d most interacted-with items only "
                    + "(--max-model-items)", itemsSeen - itemsModelled, itemsSeen, itemsModelled));
        }
        return new RetrainSignals(byType, strength.weights().toString(), strength.unit(), purchases, prices,
                countries, buyers, itemsSeen, itemsModelled, segmented, evaluated, List.copyOf(absent));
    }
}
