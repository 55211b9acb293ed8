package io.tradewind.core.portrait;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.event.PurchaseLines;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything a portrait needs to know about one user's behaviour in a window, as a mergeable accumulator.
 *
 * <p>The batch layer folds a user's events into it inside a Flink aggregation; the speed layer folds live
 * events into the same class, so the two layers cannot compute a feature two ways. Event times are read in
 * UTC because importers store a source's local wall-clock time as UTC (nothing is shifted).
 */
public final class UserActivity implements Serializable {
    private static final long serialVersionUID = 1L;

    private String userId;
    /** Distinct purchase times (event time of BUY events), returned or not: the habits' hours and weekdays. */
    private final TreeSet<Long> purchaseTimes = new TreeSet<>();
    /** Purchase and return lines per item: RFM's occasions are the purchase times returns did not wholly take back. */
    private final PurchaseLines lines = new PurchaseLines();
    private long firstEventMillis = Long.MAX_VALUE;
    private long lastEventMillis = Long.MIN_VALUE;
    private int buyLines;
    private long buyUnits;
    private double buyValue;
    private int returnLines;
    private double returnValue;
    /** Buy and return lines that carried a price: without any, revenue is unknown rather than zero. */
    private int pricedLines;
    private int views;
    private int carts;
    private int favs;
    private int searches;
    private final int[] purchaseHours = new int[24];
    private final int[] purchaseWeekdays = new int[7];
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Integer> titleWords = new HashMap<>();

    public UserActivity() {
    }

    public UserActivity(String userId) {
        this.userId = userId;
    }

    public UserActivity add(BehaviourEvent e) {
        if (userId == null) {
            userId = e.userId();
        }
        firstEventMillis = Math.min(firstEventMillis, e.timestampMillis());
        lastEventMillis = Math.max(lastEventMillis, e.timestampMillis());
        if (e.country() != null) {
            countries.merge(e.country(), 1, Integer::sum);
        }
        // An event's share of RFM is defined once, in PurchaseTotals, which the speed layer adds up too.
        PurchaseTotals share = PurchaseTotals.of(e);
        lines.add(e);
        if (share.priced()) {
            pricedLines++;
        }
        switch (e.type()) {
            case BUY -> addPurchase(e, share);
            case RETURN -> {
                returnLines++;
                returnValue -= share.netValue();
            }
            case VIEW -> views++;
            case CART -> carts++;
            case FAV -> favs++;
            case SEARCH -> searches++;
            default -> throw new IllegalStateException("unhandled event type " + e.type());
        }
        return this;
    }

    private void addPurchase(BehaviourEvent e, PurchaseTotals share) {
        buyLines++;
        buyUnits += e.quantity();
        buyValue += share.netValue();
        addOccasion(e.timestampMillis());
        if (e.category() != null && !e.category().isBlank()) {
            categories.merge(e.category(), 1, Integer::sum);
        }
        for (String word : TitleWords.of(e.itemTitle())) {
            titleWords.merge(word, 1, Integer::sum);
        }
    }

    /** Counts a purchase time once, with its hour and weekday. */
    private void addOccasion(long millis) {
        if (purchaseTimes.add(millis)) {
            ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
            purchaseHours[t.getHour()]++;
            purchaseWeekdays[t.getDayOfWeek().getValue() - 1]++;
        }
    }

    /** Folds another accumulator of the same user into this one (Flink combiners, speed-layer state). */
    public UserActivity merge(UserActivity o) {
        if (userId == null) {
            userId = o.userId;
        }
        o.purchaseTimes.forEach(this::addOccasion);
        lines.merge(o.lines);
        firstEventMillis = Math.min(firstEventMillis, o.firstEventMillis);
        lastEventMillis = Math.max(lastEventMillis, o.lastEventMillis);
        buyLines += o.buyLines;
        buyUnits += o.buyUnits;
        buyValue += o.buyValue;
        returnLines += o.returnLines;
        returnValue += o.returnValue;
        pricedLines += o.pricedLines;
        views += o.views;
        carts += o.carts;
        favs += o.favs;
        searches += o.searches;
        o.countries.forEach((k, v) -> countries.merge(k, v, Integer::sum));
        o.categories.forEach((k, v) -> categories.merge(k, v, Integer::sum));
        o.titleWords.forEach((k, v) -> titleWords.merge(k, v, Integer::sum));
        return this;
    }

    public String userId() {
        return userId;
    }

    /**
     * What RFM needs of this activity ({@link Rfm#of(PurchaseTotals, long)}): occasions and the last purchase net of
     * returns ({@link PurchaseLines}), the value of purchases less the value of returns.
     */
    public PurchaseTotals purchaseTotals() {
        TreeSet<Long> kept = lines.keptOccasions();
        return new PurchaseTotals(kept.isEmpty() ? Long.MIN_VALUE : kept.last(), kept.size(), buyValue - returnValue,
                hasPrices());
    }

    /** Purchase occasions that returns did not wholly take back (the portrait's frequency). */
    public int purchaseOccasions() {
        return lines.keptOccasions().size();
    }

    /** Distinct purchase times, returned or not (the habits' baskets). */
    public int baskets() {
        return purchaseTimes.size();
    }

    /** Whether any purchase or return had a price; a click log or a price-less export has none. */
    public boolean hasPrices() {
        return pricedLines > 0;
    }

    /** Whether the user kept anything bought in the window: a user who returned all of it is in the new stratum. */
    public boolean hasPurchases() {
        return purchaseOccasions() > 0;
    }

    /** Latest purchase not wholly returned, or {@link Long#MIN_VALUE} when there is none in the window. */
    public long lastPurchaseMillis() {
        TreeSet<Long> kept = lines.keptOccasions();
        return kept.isEmpty() ? Long.MIN_VALUE : kept.last();
    }

    public long firstEventMillis() {
        return firstEventMillis;
    }

    public long lastEventMillis() {
        return lastEventMillis;
    }

    public int buyLines() {
        return buyLines;
    }

    public long buyUnits() {
        return buyUnits;
    }

    public double buyValue() {
        return buyValue;
    }

    public int returnLines() {
        return returnLines;
    }

    public double returnValue() {
        return returnValue;
    }

    public int views() {
        return views;
    }

    public int carts() {
        return carts;
    }

    public int favs() {
        return favs;
    }

    public int searches() {
        return searches;
    }

    public int[] purchaseHours() {
        return purchaseHours.clone();
    }

    public int[] purchaseWeekdays() {
        return purchaseWeekdays.clone();
    }

    public Map<String, Integer> countries() {
        return Map.copyOf(countries);
    }

    public Map<String, Integer> categories() {
        return Map.copyOf(categories);
    }

    public Map<String, Integer> titleWords() {
        return Map.copyOf(titleWords);
    }
}
