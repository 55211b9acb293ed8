package io.tradewind.contracts.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.core.popularity.PopularityTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCodecTest {
    @Test
    void userListsRoundTripExactly() {
        UserLists lists = new UserLists(scored(50, 0), scored(50, 100));
        assertEquals(lists, ListCodec.decodeUserLists(ListCodec.encodeUserLists(lists)));
        assertEquals(new UserLists(List.of(), List.of()),
                ListCodec.decodeUserLists(ListCodec.encodeUserLists(new UserLists(List.of(), List.of()))));
    }

    @Test
    void aFullUserListIsAThirdOfItsJson() throws Exception {
        UserLists lists = new UserLists(scored(50, 0), scored(50, 100));
        int binary = ListCodec.encodeUserLists(lists).length;
        int json = new ObjectMapper().writeValueAsBytes(lists).length;
        assertTrue(binary * 2.5 < json, binary + " bytes binary vs " + json + " JSON");
    }

    @Test
    void popularityNeighboursAndRealtimeRoundTrip() {
        List<PopularityTable.Entry> popular = List.of(new PopularityTable.Entry("85123A", 812),
                new PopularityTable.Entry("22423", 700));
        assertEquals(popular, ListCodec.decodePopularity(ListCodec.encodePopularity(popular)));
        assertEquals(scored(20, 7), ListCodec.decodeScored(ListCodec.encodeScored(scored(20, 7))));
        List<RealtimeItem> realtime = List.of(new RealtimeItem("ÉTÉ-1", 0.5f, "viewed-together:85123A", 1L << 40));
        assertEquals(realtime, ListCodec.decodeRealtime(ListCodec.encodeRealtime(realtime)));
    }

    @Test
    void anUnknownFormatIsRefusedNotMisread() {
        byte[] value = ListCodec.encodeScored(scored(3, 0));
        value[0] = 9;
        assertThrows(IllegalStateException.class, () -> ListCodec.decodeScored(value));
    }

    private static List<ScoredItem> scored(int n, int offset) {
        List<ScoredItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ScoredItem(String.format("%05dA", 20000 + offset + i), 1.0f / (i + 1)));
        }
        return out;
    }
}
