package io.tradewind.contracts.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.PortraitBuilder;
import io.tradewind.core.portrait.Rfm;
import io.tradewind.core.portrait.SegmentModel;
import io.tradewind.core.portrait.UserActivity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the speed layer rebuilds from a version's files assigns users exactly as the batch did. */
class SegmentsViewTest {
    private static final long DAY = 86_400_000L;
    private static final long AS_OF = 1_322_697_600_000L; // 2011-12-01

    @Test
    void theModelReadBackFromSegmentsJsonAndTheBaselineGiveEveryBuyerTheBatchSegment() throws IOException {
        List<UserActivity> users = users();
        PortraitBuilder.Result batch = new PortraitBuilder(AS_OF, 3, 5).build(users);
        String json = ViewJson.MAPPER.writeValueAsString(SegmentsView.of(batch));
        SegmentModel model = ViewJson.MAPPER.readValue(json, SegmentsView.class).model().orElseThrow();

        Map<String, RfmBaselineView> baseline = new HashMap<>();
        for (UserActivity u : users) {
            RfmBaselineView row = RfmBaselineView.of(u);
            if (row != null) {
                String line = ViewJson.MAPPER.writeValueAsString(row);
                baseline.put(u.userId(), ViewJson.MAPPER.readValue(line, RfmBaselineView.class));
            }
        }
        int buyers = 0;
        for (Portrait p : batch.portraits()) {
            if (p.isNewUser()) {
                assertTrue(!baseline.containsKey(p.userId()) || !baseline.get(p.userId()).totals().hasPurchases());
                continue;
            }
            buyers++;
            Rfm rfm = Rfm.of(baseline.get(p.userId()).totals(), AS_OF);
            assertEquals(p.rfm(), rfm, "the baseline row gives the portrait's RFM");
            assertEquals(p.segment(), model.segmentOf(rfm), p.userId());
        }
        assertEquals(40, buyers);
    }

    @Test
    void aVersionWithoutSegmentsHasNoModel() {
        PortraitBuilder.Result few = new PortraitBuilder(AS_OF, null, 5).build(users().subList(0, 2));
        assertTrue(SegmentsView.of(few).model().isEmpty());
    }

    @Test
    void baselineRowsAndLiveSegmentCellsRefuseWhatMakesNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new RfmBaselineView("u", null, 2, 1.0, true));
        assertThrows(IllegalArgumentException.class, () -> new RfmBaselineView("", 1L, 1, 1.0, true));
        LiveSegment cell = new LiveSegment("v1", "active", 5L, 1.5, 3, null);
        assertEquals(cell, LiveSegment.decode(cell.encode()));
        assertNull(LiveSegment.decode(cell.encode()).monetary());
        assertThrows(IllegalArgumentException.class, () -> LiveSegment.decode("{\"segment\":\"x\"}".getBytes()));
    }

    /** 40 buyers of three kinds (recent and frequent, recent once, long ago) and 5 who only looked. */
    private static List<UserActivity> users() {
        Random random = new Random(3);
        List<UserActivity> out = new ArrayList<>();
        for (int u = 0; u < 45; u++) {
            UserActivity a = new UserActivity("u" + u);
            int kind = u % 3;
            int purchases = u >= 40 ? 0 : kind == 0 ? 6 + random.nextInt(4) : 1 + random.nextInt(2);
            long latest = kind == 2 ? AS_OF - (200 + random.nextInt(100)) * DAY : AS_OF - random.nextInt(10) * DAY;
            for (int p = 0; p < purchases; p++) {
                a.add(event(a.userId(), EventType.BUY, latest - p * 7 * DAY, 5 + random.nextInt(50)));
            }
            a.add(event(a.userId(), EventType.VIEW, latest - DAY, 1));
            out.add(a);
        }
        return out;
    }

    private static BehaviourEvent event(String user, EventType type, long millis, double price) {
        return new BehaviourEvent(user + millis + type, user, "I", type, millis, 1, price, "GBP", "France", null, null,
                "ITEM", "test");
    }
}
