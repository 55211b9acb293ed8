package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RealtimeListWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.SharedHBase;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The speed layer's list lives beside the batch lists in the same row; each is replaced without touching the other. */
@ExtendWith(SharedHBase.class)
class RealtimeListWriterTest {
    @TempDir
    File views;

    private final HBaseStoreSettings settings = SharedHBase.freshSettings();

    @Test
    void replaceWritesTheWholeListBestFirstAndAnEmptyListRemovesIt() throws IOException {
        RealtimeListWriter writer = new RealtimeListWriter(SharedHBase.loadingConnection(), settings);
        String user = TestViews.user(0);
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            RealtimeItem weak = new RealtimeItem("22423", 0.2f, "incremental", 1_000L);
            RealtimeItem strong = new RealtimeItem("85123A", 0.9f, "viewed-together:84879", 2_000L);
            writer.replace(user, List.of(weak, strong));
            assertEquals(List.of(strong, weak), store.realtime(user));

            RealtimeItem next = new RealtimeItem("47566", 0.5f, "incremental", 3_000L);
            writer.replace(user, List.of(next));
            assertEquals(List.of(next), store.realtime(user), "replaced, not merged");

            writer.replace(user, List.of());
            assertEquals(List.of(), store.realtime(user));
            assertEquals(List.of(), store.realtime(TestViews.user(1)));
        }
    }

    @Test
    void realtimeAndBatchListsOfOneUserDoNotDisturbEachOther() throws IOException {
        TestViews.Written v1 = new TestViews(views.toURI().toString()).write("20111210T010000Z", 10, 1f);
        BatchViewLoader loader = new BatchViewLoader(SharedHBase.loadingConnection(), settings, new Configuration(),
                ProgressListener.NONE);
        RealtimeListWriter writer = new RealtimeListWriter(SharedHBase.loadingConnection(), settings);
        String user = TestViews.user(2);
        List<RealtimeItem> realtime = List.of(new RealtimeItem("22423", 0.7f, "incremental", 5_000L));
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            writer.replace(user, realtime);
            loader.load(views.toURI().toString(), v1.version());
            assertEquals(realtime, store.realtime(user), "a batch load leaves the real-time list alone");
            ServingStore.UserRow row = store.userRow(v1.version(), "Pop", user);
            assertEquals(store.userLists(v1.version(), "Pop", user), row.lists(), "one read of the row: batch list");
            assertEquals(store.realtimeState(user), row.realtime(), "and the real-time state");
            ServingStore.UserRow forSearch = store.portraitAndRealtime(v1.version(), user);
            assertTrue(forSearch.portrait().isPresent(), "the loaded version has the user's portrait");
            // Portrait holds an array (rfmZ), so records compare by identity: compare what they say.
            assertEquals(store.portrait(v1.version(), user).orElseThrow().toString().replaceAll("\\[D@\\w+", ""),
                    forSearch.portrait().orElseThrow().toString().replaceAll("\\[D@\\w+", ""), "a search's one read: the portrait");
            assertArrayEquals(store.portrait(v1.version(), user).orElseThrow().rfmZ(), forSearch.portrait().orElseThrow().rfmZ());
            assertEquals(store.realtimeState(user), forSearch.realtime(), "and the real-time state");
            assertEquals(Optional.empty(), forSearch.lists(), "but no lists");
            writer.replace(user, List.of());
            assertEquals(TestViews.expected(v1.topList("Pop", user)),
                    store.userLists(v1.version(), "Pop", user).orElseThrow(), "and the other way round");
        }
    }
}
