package io.tradewind.infra.demo;

import io.tradewind.infra.serve.ConsumerLag;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's live part: replays a slice of events through Kafka while the speed layer runs, and shows watched
 * shoppers' recommendations (as the API answers a shop) before their events and once the speed layer has caught up.
 */
public final class LiveReplay {
    static final int LIST_SIZE = 6;
    /** Generous: at the demo's rate the speed layer is a checkpoint (10 s) behind the last event. */
    static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final EventReplay replay;
    private final ConsumerLag lag;
    private final ShopperList lists;
    private final String pageUrl;
    private final PrintStream out;

    /**
     * @param baseUrl the API's base URL
     * @param shopKey a shop key, for the API and the page's link
     */
    public LiveReplay(EventReplay replay, ConsumerLag lag, String baseUrl, String shopKey, PrintStream out) {
        this.replay = replay;
        this.lag = lag;
        this.lists = new ShopperList(baseUrl, shopKey);
        this.pageUrl = baseUrl + "/#key=" + shopKey;
        this.out = out;
    }

    /**
     * Replays {@code slice} and prints the lists of {@code watched} before and after. A replay that cannot reach Kafka
     * or the API stops with one line; the demo goes on serving.
     */
    public void run(ReplaySlice slice, List<String> watched) throws InterruptedException {
        out.println();
        if (slice.events().isEmpty()) {
            out.println("Nothing to replay from " + slice.name() + ".");
            return;
        }
        out.printf("Replaying %s: %,d events dated %s to %s, in event-time order at %,.0f events/s through Kafka "
                        + "(topic events, key = user id, as POST /v1/events sends them) to the speed layer.%n",
                slice.name(), slice.events().size(), slice.first(), slice.last(), replay.eventsPerSecond());
        try {
            Map<String, List<ShopperList.Entry>> before = new LinkedHashMap<>();
            for (String user : watched) {
                before.put(user, lists.top(user, LIST_SIZE));
            }
            if (!watched.isEmpty()) {
                out.println("Watch it on the page: " + pageUrl + " and pick shopper " + String.join(" or ", watched)
                        + " (the list refreshes every 2 s; new items are marked).");
            }
            before.forEach((user, list) -> {
                out.printf("  shopper %s, %,d events in this replay; recommendations now:%n", user, slice.eventsOf(user));
                ListChange.printBefore(list, out);
            });
            replay.replay("replay " + slice.name(), slice.events());
            out.println("Sent; waiting for the speed layer to archive them and update the lists ...");
            if (!lag.awaitZero(CATCH_UP)) {
                out.printf("The speed layer has not caught up after %d s (%,d events to go); the lists below are as far "
                        + "as it got.%n", CATCH_UP.toSeconds(), lag.now());
            }
            before.forEach((user, list) -> {
                out.printf("  shopper %s after the replay:%n", user);
                try {
                    ListChange.printAfter(list, lists.top(user, LIST_SIZE), out);
                } catch (IOException e) {
                    out.println("    (the API did not answer: " + e.getMessage() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (StoreUnavailableException | IOException e) {
            out.println("The replay stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.println("The replay stopped: " + e);
        }
    }
}
