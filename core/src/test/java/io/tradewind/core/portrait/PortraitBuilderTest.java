package io.tradewind.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventIds;
import io.tradewind.core.event.EventType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PortraitBuilderTest {
    static final long AS_OF = millis("2011-12-01T00:00:00");

    static long millis(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static BehaviourEvent event(String user, EventType type, String iso, double price, int qty, String title) {
        return new BehaviourEvent(EventIds.random(), user, "I" + title.hashCode(), type, millis(iso), qty, price, "GBP",
                "France", null, null, title, "test");
    }

    @Test
    void rfmAndHabitsComeFromTheUsersEvents() {
        UserActivity a = new UserActivity("u1")
                .add(event("u1", EventType.BUY, "2011-11-21T10:15:00", 2.5, 4, "RED HEART LANTERN"))
                .add(event("u1", EventType.BUY, "2011-11-21T10:15:00", 1.0, 2, "WHITE HEART CANDLE"))
                .add(event("u1", EventType.BUY, "2011-10-03T14:00:00", 3.0, 1, "HEART MUG"))
                .add(event("u1", EventType.RETURN, "2011-11-25T09:00:00", 1.0, 1, "WHITE HEART CANDLE"))
                .add(event("u1", EventType.VIEW, "2011-11-26T09:00:00", 3.0, 1, "HEART MUG"));
        Rfm rfm = Rfm.of(a, AS_OF);
        assertEquals(9.573, rfm.recencyDays(), 1e-3, "last purchase 2011-11-21 10:15 to as-of 2011-12-01");
        assertEquals(2, rfm.frequency(), "two baskets (distinct purchase times)");
        assertEquals(10.0 + 2.0 + 3.0 - 1.0, rfm.monetary(), 1e-9, "revenue net of the returned candle");

        Habits h = Habits.of(a);
        assertEquals("France", h.country());
        assertEquals(10, h.peakHour(), "tie between 10h and 14h goes to the earlier hour");
        assertEquals("heart", h.topWords().get(0));
        assertEquals(1.5, h.avgBasketLines(), 1e-9);
        assertEquals(1.0 / 3, h.returnRate(), 1e-9);
        assertEquals(1, a.views());
    }

    @Test
    void aWhollyReturnedBasketLeavesFrequencyAndRecency() {
        UserActivity a = new UserActivity("u2")
                .add(event("u2", EventType.BUY, "2011-10-03T14:00:00", 3.0, 2, "HEART MUG"))
                .add(event("u2", EventType.BUY, "2011-11-21T10:15:00", 2.5, 4, "RED HEART LANTERN"))
                .add(event("u2", EventType.RETURN, "2011-11-22T09:00:00", 2.5, 4, "RED HEART LANTERN"))
                .add(event("u2", EventType.RETURN, "2011-11-23T09:00:00", 3.0, 1, "HEART MUG"));
        Rfm rfm = Rfm.of(a, AS_OF);
        assertEquals(1, rfm.frequency(), "the lantern basket came back whole; the mug basket kept one mug");
        assertEquals(58.417, rfm.recencyDays(), 1e-3, "last purchase kept: 2011-10-03 14:00");
        assertEquals(3.0, rfm.monetary(), 1e-9);
        assertEquals(2, a.baskets(), "habits still see both baskets");
        assertEquals(a.purchaseTotals().occasions(), rfm.frequency());
    }

    @Test
    void aBuyerWhoReturnedEverythingIsInTheNewStratum() {
        // Online Retail's customer 12346: one order of 74,215 units, cancelled 16 minutes later.
        UserActivity a = new UserActivity("12346")
                .add(event("12346", EventType.BUY, "2011-01-18T10:01:00", 1.04, 74_215, "MEDIUM CERAMIC TOP STORAGE JAR"))
                .add(event("12346", EventType.RETURN, "2011-01-18T10:17:00", 1.04, 74_215,
                        "MEDIUM CERAMIC TOP STORAGE JAR"));
        assertEquals(0, a.purchaseOccasions());
        assertFalse(a.hasPurchases());
        assertEquals(0.0, a.purchaseTotals().netValue(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Rfm.of(a, AS_OF), "no RFM: nothing was kept");
    }

    @Test
    void mergeEqualsSequentialFold() {
        BehaviourEvent e1 = event("u", EventType.BUY, "2011-11-01T08:00:00", 1, 1, "A LAMP");
        BehaviourEvent e2 = event("u", EventType.BUY, "2011-11-02T09:00:00", 2, 1, "B LAMP");
        UserActivity folded = new UserActivity("u").add(e1).add(e2);
        UserActivity merged = new UserActivity("u").add(e1).merge(new UserActivity("u").add(e2));
        assertEquals(Rfm.of(folded, AS_OF), Rfm.of(merged, AS_OF));
        assertEquals(Habits.of(folded), Habits.of(merged));
    }

    @Test
    void segmentsBuyersLabelsThemAndKeepsNewUsersApart() {
        List<UserActivity> activities = new ArrayList<>();
        // 20 loyal big spenders (recent, frequent), 20 lapsed one-off buyers, 20 recent first-timers.
        for (int i = 0; i < 20; i++) {
            UserActivity loyal = new UserActivity("loyal" + i);
            for (int w = 0; w < 12; w++) {
                loyal.add(event("loyal" + i, EventType.BUY, "2011-" + String.format("%02d", 1 + w % 11) + "-1" + (w % 9)
                        + "T10:00:00", 50 + i, 10, "GOLD FRAME"));
            }
            activities.add(loyal);
            activities.add(new UserActivity("lapsed" + i)
                    .add(event("lapsed" + i, EventType.BUY, "2011-01-1" + (i % 9) + "T10:00:00", 3, 1, "MUG")));
            activities.add(new UserActivity("fresh" + i)
                    .add(event("fresh" + i, EventType.BUY, "2011-11-2" + (i % 9) + "T10:00:00", 3, 1, "MUG")));
        }
        activities.add(new UserActivity("viewer").add(event("viewer", EventType.VIEW, "2011-11-20T10:00:00", 3, 1, "MUG")));

        PortraitBuilder.Result result = new PortraitBuilder(AS_OF, 3, 42).build(activities);
        Map<String, Portrait> byUser = result.portraits().stream()
                .collect(Collectors.toMap(Portrait::userId, Function.identity()));
        assertEquals(61, byUser.size());
        assertEquals("high-value", byUser.get("loyal3").segment());
        assertEquals("dormant", byUser.get("lapsed3").segment());
        assertEquals("growth", byUser.get("fresh3").segment());
        assertTrue(byUser.get("viewer").isNewUser());
        assertNull(byUser.get("viewer").rfm());
        assertEquals("high-value", result.model().segmentOf(byUser.get("loyal7").rfm()),
                "the published model assigns a user as the batch did");
    }

    @Test
    void tooFewBuyersLeavesBuyersUnsegmentedInsteadOfFailing() {
        List<UserActivity> users = List.of(
                new UserActivity("u").add(event("u", EventType.BUY, "2011-11-01T08:00:00", 1, 1, "A LAMP")),
                new UserActivity("v").add(event("v", EventType.VIEW, "2011-11-02T08:00:00", 1, 1, "A LAMP")));

        PortraitBuilder.Result result = new PortraitBuilder(AS_OF, null, 1).build(users);

        assertFalse(result.segmented());
        assertNull(result.model());
        assertEquals(List.of("unsegmented", "new"), result.portraits().stream().map(Portrait::segment).toList());
        assertEquals(1, result.portraits().get(0).rfm().frequency());
    }

    @Test
    void noPricesMeansNoMonetaryValueRatherThanZero() {
        BehaviourEvent unpriced = new BehaviourEvent("e1", "u", "i", EventType.BUY,
                java.time.Instant.parse("2011-11-01T08:00:00Z").toEpochMilli(), 1, null, null, null, null, null, null, "t");
        UserActivity priced = new UserActivity("p").add(event("p", EventType.BUY, "2011-11-01T08:00:00", 0.0, 2, "A LAMP"));

        assertNull(Rfm.of(new UserActivity("u").add(unpriced), AS_OF).monetary());
        assertEquals(0.0, Rfm.of(priced, AS_OF).monetary(), "a price of 0 is a known zero");
    }
}
