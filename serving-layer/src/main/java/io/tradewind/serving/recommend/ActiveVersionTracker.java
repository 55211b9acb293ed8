package io.tradewind.serving.recommend;

import io.tradewind.contracts.views.PopularityView;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.serving.store.ServingStore;
import io.tradewind.serving.store.StoreUnavailableException;
import io.tradewind.serving.store.VersionInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which version serves now. Polls the registry (another API instance or the CLI may flip it) and is told
 * directly after an in-process flip, so answers follow a flip at once here and within one poll interval
 * elsewhere. Keeps the last known version while HBase is down: that is what the degraded answers use.
 */
public final class ActiveVersionTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersionTracker.class);

    private final ServingStore store;
    private final String preferredModel;
    private final AtomicReference<ActiveVersion> current = new AtomicReference<>();
    private final List<Consumer<ActiveVersion>> beforeServing = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;

    /** @param preferredModel the model answering when a caller names none, if the version has it */
    public ActiveVersionTracker(ServingStore store, String preferredModel) {
        this.store = store;
        this.preferredModel = preferredModel;
    }

    /**
     * Runs {@code preparation} for every version about to serve, before answers use it (warming caches), and now
     * for the version serving already. Runs under this tracker's lock, so it must be bounded; a version serves
     * even if its preparation fails.
     */
    public synchronized void beforeServing(Consumer<ActiveVersion> preparation) {
        beforeServing.add(preparation);
        current().ifPresent(v -> prepare(preparation, v));
    }

    private static void prepare(Consumer<ActiveVersion> preparation, ActiveVersion version) {
        try {
            preparation.accept(version);
        } catch (RuntimeException e) {
            LOG.warn("preparing version {} failed; it serves anyway", version.version(), e);
        }
    }

    /** The last version seen; no store call. */
    public Optional<ActiveVersion> current() {
        return Optional.ofNullable(current.get());
    }

    /** Reads the registry now; loads the new version's popular lists when it changed. */
    public synchronized Optional<ActiveVersion> refresh() {
        Optional<String> active = store.activeVersion();
        ActiveVersion known = current.get();
        if (active.isEmpty()) {
            current.set(null);
        } else if (known == null || !known.version().equals(active.get())) {
            ActiveVersion next = load(active.get());
            beforeServing.forEach(p -> prepare(p, next));
            current.set(next);
            LOG.info("serving batch-view version {}", active.get());
        }
        return current();
    }

    public synchronized void startPolling(long intervalMillis) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "active-version-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::refreshQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (StoreUnavailableException e) {
            LOG.debug("registry unreachable; keeping version {}", current().map(ActiveVersion::version).orElse("(none)"));
        } catch (RuntimeException e) {
            LOG.warn("cannot refresh the active version", e);
        }
    }

    private ActiveVersion load(String version) {
        VersionInfo info = store.versions().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("active version " + version + " is not in the registry"));
        String defaultModel = info.models().contains(preferredModel) ? preferredModel
                : info.models().isEmpty() ? null : info.models().get(0);
        return new ActiveVersion(version, parseInstant(info.asOf()), info.models(), defaultModel,
                popularLists(store.popularityTables(version)));
    }

    static PopularLists popularLists(List<PopularityView> tables) {
        List<PopularityTable.Entry> global = List.of();
        Map<String, List<PopularityTable.Entry>> byCountry = new HashMap<>();
        Map<String, List<PopularityTable.Entry>> bySegment = new HashMap<>();
        for (PopularityView t : tables) {
            switch (t.scope()) {
                case PopularityView.GLOBAL -> global = List.copyOf(t.items());
                case PopularityView.COUNTRY -> byCountry.put(t.group(), List.copyOf(t.items()));
                case PopularityView.SEGMENT -> bySegment.put(t.group(), List.copyOf(t.items()));
                default -> LOG.warn("unknown popularity scope '{}' ignored", t.scope());
            }
        }
        return new PopularLists(global, Map.copyOf(byCountry), Map.copyOf(bySegment));
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null ? Instant.EPOCH : Instant.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warn("version as-of '{}' is not an ISO instant; real-time entries will all count as newer", value);
            return Instant.EPOCH;
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
