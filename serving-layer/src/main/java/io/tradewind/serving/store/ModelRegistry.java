package io.tradewind.serving.store;

import io.tradewind.contracts.views.ViewJson;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.ServingTables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.SegmentsView;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Which batch-view versions are loaded, which one serves, and the switch between them.
 *
 * <p>Table {@code registry}, family {@code m}: one row {@code version:<v>} per version (state, as-of, models,
 * row counts, segments) and one row {@code active} holding the active version, the activation stack (for
 * rollback), the audit history and a sequence number. Activate and rollback rewrite the {@code active} row with
 * one {@code checkAndMutate} conditioned on the sequence number: the switch is atomic and two concurrent switches
 * cannot both win. HBase failures surface as {@link StoreUnavailableException}.
 */
public final class ModelRegistry {
    private static final byte[] F = ServingTables.REGISTRY;
    private static final byte[] ACTIVE_ROW = ServingTables.REGISTRY_ACTIVE_ROW;
    private static final String VERSION_ROW = "version:";
    private static final byte[] STATE = ServingTables.bytes("state");
    private static final byte[] AS_OF = ServingTables.bytes("asOf");
    private static final byte[] MODELS = ServingTables.bytes("models");
    private static final byte[] STARTED_AT = ServingTables.bytes("startedAt");
    private static final byte[] LOADED_AT = ServingTables.bytes("loadedAt");
    private static final byte[] ROWS = ServingTables.bytes("rows");
    private static final byte[] EVALUATION = ServingTables.bytes("evaluation");
    private static final byte[] SEGMENTS = ServingTables.bytes("segments");
    private static final byte[] ERROR = ServingTables.bytes("error");
    private static final byte[] ACTIVE = ServingTables.REGISTRY_ACTIVE_VERSION;
    private static final byte[] STACK = ServingTables.bytes("stack");
    private static final byte[] HISTORY = ServingTables.bytes("history");
    private static final byte[] SEQ = ServingTables.bytes("seq");
    /** Bounds on the active row's lists, so the row stays a few KB after years of nightly switches. */
    private static final int MAX_STACK = 32;
    private static final int MAX_HISTORY = 200;

    private final Connection connection;
    private final ServingTables tables;
    private final HBaseStoreSettings settings;

    public ModelRegistry(Connection connection, HBaseStoreSettings settings) {
        this.connection = connection;
        this.settings = settings;
        this.tables = new ServingTables(settings.namespace());
    }

    /** The version serving now; empty before the first activation. */
    public Optional<String> activeVersion() {
        return StoreCalls.unavailableOnFailure("the active version", () -> Optional.ofNullable(readActive().version()));
    }

    /** READY versions, newest first, the active one flagged. */
    public List<VersionInfo> versions() {
        return StoreCalls.unavailableOnFailure("the version list", () -> {
            String active = readActive().version();
            List<VersionInfo> out = new ArrayList<>();
            for (VersionStatus s : allStatuses()) {
                if (s.state() == VersionState.READY) {
                    out.add(new VersionInfo(s.version(), s.asOf(), s.models(), s.loadedAt(), s.version().equals(active),
                            s.rows(), s.evaluation()));
                }
            }
            out.sort(Comparator.comparing(VersionInfo::version).reversed());
            return out;
        });
    }

    /** Any version the registry knows, in any state. */
    public Optional<VersionStatus> status(String version) {
        return StoreCalls.unavailableOnFailure("version " + version, () -> readStatus(version));
    }

    /** Every activation and rollback, oldest first (the last {@value #MAX_HISTORY}). */
    public List<ActivationEvent> history() {
        return StoreCalls.unavailableOnFailure("the activation history", () -> readActive().history());
    }

    /**
     * Makes a READY version the one serving, in one atomic write; activating the active version does nothing.
     *
     * @throws IllegalStateException the version is not loaded completely (loading, failed, dropped or unknown)
     */
    public void activate(String version) {
        StoreCalls.unavailableOnFailure("activate " + version, () -> {
            requireReady(version);
            ActivePointer current = readActive();
            if (version.equals(current.version())) {
                return null;
            }
            List<String> stack = new ArrayList<>(current.stack());
            stack.add(version);
            switchTo(current, version, stack, "activate");
            return null;
        });
    }

    /** The version {@link #rollback()} would go back to; empty when there is none. */
    public Optional<String> previousVersion() {
        return StoreCalls.unavailableOnFailure("the previous version", () -> {
            List<String> stack = readActive().stack();
            return stack.size() < 2 ? Optional.<String>empty() : Optional.of(stack.get(stack.size() - 2));
        });
    }

    /**
     * Goes back to the version that was active before the current one (repeatable, down the activation stack).
     *
     * @return the version active now
     * @throws IllegalStateException nothing to go back to, or that version was dropped by retention
     */
    public String rollback() {
        return StoreCalls.unavailableOnFailure("rollback", () -> {
            ActivePointer current = readActive();
            List<String> stack = new ArrayList<>(current.stack());
            if (stack.size() < 2) {
                throw new IllegalStateException("no previously active version to roll back to (active: "
                        + current.version() + ")");
            }
            stack.remove(stack.size() - 1);
            String target = stack.get(stack.size() - 1);
            requireReady(target);
            switchTo(current, target, stack, "rollback");
            return target;
        });
    }

    /**
     * Drops what retention does not keep: the active version, the {@code retainedPreviousVersions} versions
     * below it on the activation stack (topped up with the newest older READY versions), and READY versions newer
     * than the active one (loaded aside, waiting to be activated) stay. FAILED versions go; LOADING ones stay,
     * a load may be running. Before any activation nothing READY is dropped.
     *
     * @return the versions dropped, oldest first
     */
    public List<String> applyRetention() {
        return StoreCalls.unavailableOnFailure("retention", () -> {
            ActivePointer pointer = readActive();
            String active = pointer.version();
            Set<String> keep = keptVersions(pointer);
            List<String> dropped = new ArrayList<>();
            VersionEraser eraser = new VersionEraser(connection, tables);
            for (VersionStatus s : allStatuses()) {
                boolean expired = active != null && s.state() == VersionState.READY && !keep.contains(s.version());
                if (expired || s.state() == VersionState.FAILED || s.state() == VersionState.DROPPING) {
                    if (drop(s.version(), eraser)) {
                        dropped.add(s.version());
                    }
                }
            }
            return dropped;
        });
    }

    private Set<String> keptVersions(ActivePointer active) throws IOException {
        Set<String> keep = new LinkedHashSet<>();
        if (active.version() == null) {
            return keep;
        }
        keep.add(active.version());
        List<String> ready = allStatuses().stream().filter(s -> s.state() == VersionState.READY)
                .map(VersionStatus::version).sorted(Comparator.reverseOrder()).toList();
        int previous = 0;
        List<String> stack = active.stack();
        for (int i = stack.size() - 2; i >= 0 && previous < settings.retainedPreviousVersions(); i--) {
            if (ready.contains(stack.get(i)) && keep.add(stack.get(i))) {
                previous++;
            }
        }
        for (String v : ready) {
            if (v.compareTo(active.version()) > 0) {
                keep.add(v); // loaded aside, not switched on yet
            } else if (previous < settings.retainedPreviousVersions() && keep.add(v)) {
                previous++; // older, never activated, but still a manual rollback target
            }
        }
        return keep;
    }

    /** @return false when the version turned out to be in use and was kept */
    private boolean drop(String version, VersionEraser eraser) throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            VersionState before = readStatus(version).map(VersionStatus::state).orElse(VersionState.DROPPING);
            t.put(new Put(versionRow(version)).addColumn(F, STATE, ServingTables.bytes(VersionState.DROPPING.name())));
            // An admin may have activated it since the keep set was computed (activation runs in the API, retention
            // in publish): DROPPING now stops new activations; one that came first wins and the version stays.
            if (version.equals(readActive().version())) {
                t.put(new Put(versionRow(version)).addColumn(F, STATE, ServingTables.bytes(before.name())));
                return false;
            }
            eraser.erase(version);
            t.delete(new Delete(versionRow(version)));
            return true;
        }
    }

    // ---- written by the loader ----

    void markLoading(String version, Manifest manifest) throws IOException {
        Put put = new Put(versionRow(version))
                .addColumn(F, STATE, ServingTables.bytes(VersionState.LOADING.name()))
                .addColumn(F, AS_OF, ServingTables.bytes(String.valueOf(manifest.asOf())))
                .addColumn(F, MODELS, json(modelNames(manifest)))
                .addColumn(F, STARTED_AT, ServingTables.bytes(Instant.now().toString()));
        Delete leftovers = new Delete(versionRow(version)).addColumns(F, ERROR).addColumns(F, LOADED_AT)
                .addColumns(F, ROWS).addColumns(F, SEGMENTS);
        try (Table t = connection.getTable(tables.registry)) {
            t.mutateRow(RowMutations.of(List.of(leftovers, put))); // one atomic row update, like every state change
        }
    }

    /** Written only after every cell of the version is flushed: READY means complete. */
    void markReady(String version, Manifest manifest, SegmentsView segments, Map<String, Long> rows)
            throws IOException {
        Put put = new Put(versionRow(version))
                .addColumn(F, STATE, ServingTables.bytes(VersionState.READY.name()))
                .addColumn(F, AS_OF, ServingTables.bytes(String.valueOf(manifest.asOf())))
                .addColumn(F, MODELS, json(modelNames(manifest)))
                .addColumn(F, LOADED_AT, ServingTables.bytes(Instant.now().toString()))
                .addColumn(F, ROWS, json(rows));
        if (manifest.evaluation() != null) {
            put.addColumn(F, EVALUATION, json(manifest.evaluation()));
        }
        if (segments != null) {
            put.addColumn(F, SEGMENTS, json(segments));
        }
        try (Table t = connection.getTable(tables.registry)) {
            t.put(put);
        }
    }

    void markFailed(String version, String error) throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            t.put(new Put(versionRow(version))
                    .addColumn(F, STATE, ServingTables.bytes(VersionState.FAILED.name()))
                    .addColumn(F, ERROR, ServingTables.bytes(String.valueOf(error))));
        }
    }

    /** The segments a version publishes; read by the API through the store. */
    Optional<SegmentsView> segments(String version) throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            byte[] value = t.get(new Get(versionRow(version)).addColumn(F, SEGMENTS)).getValue(F, SEGMENTS);
            return value == null ? Optional.empty() : Optional.of(ViewJson.MAPPER.readValue(value, SegmentsView.class));
        } catch (TableNotFoundException beforeFirstLoad) {
            return Optional.empty();
        }
    }

    // ---- rows ----

    private record ActivePointer(String version, List<String> stack, List<ActivationEvent> history, byte[] seq) {
    }

    private static final ActivePointer NOTHING_ACTIVE = new ActivePointer(null, List.of(), List.of(), null);

    private void requireReady(String version) throws IOException {
        Optional<VersionStatus> status = readStatus(version);
        if (status.isEmpty() || status.get().state() != VersionState.READY) {
            throw new IllegalStateException("version " + version + " cannot be activated: "
                    + status.map(s -> "it is " + s.state() + (s.error() == null ? "" : " (" + s.error() + ")"))
                    .orElse("it is not loaded"));
        }
    }

    private void switchTo(ActivePointer current, String version, List<String> stack, String action)
            throws IOException {
        List<String> boundedStack = stack.subList(Math.max(0, stack.size() - MAX_STACK), stack.size());
        List<ActivationEvent> history = new ArrayList<>(current.history());
        history.add(new ActivationEvent(action, version, current.version(), Instant.now().toString()));
        long nextSeq = current.seq() == null ? 1 : Bytes.toLong(current.seq()) + 1;
        Put put = new Put(ACTIVE_ROW)
                .addColumn(F, ACTIVE, ServingTables.bytes(version))
                .addColumn(F, STACK, json(boundedStack))
                .addColumn(F, HISTORY, json(history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size())))
                .addColumn(F, SEQ, Bytes.toBytes(nextSeq));
        CheckAndMutate.Builder check = CheckAndMutate.newBuilder(ACTIVE_ROW);
        CheckAndMutate switchIfUnchanged = current.seq() == null
                ? check.ifNotExists(F, SEQ).build(put)
                : check.ifEquals(F, SEQ, current.seq()).build(put);
        try (Table t = connection.getTable(tables.registry)) {
            if (!t.checkAndMutate(switchIfUnchanged).isSuccess()) {
                throw new IllegalStateException("the active version changed while switching to " + version
                        + "; read it again and retry");
            }
        }
    }

    private ActivePointer readActive() throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            Result r = t.get(new Get(ACTIVE_ROW).addFamily(F));
            if (r.isEmpty()) {
                return NOTHING_ACTIVE;
            }
            return new ActivePointer(ServingTables.string(r.getValue(F, ACTIVE)),
                    fromJson(r.getValue(F, STACK), new TypeReference<List<String>>() { }),
                    fromJson(r.getValue(F, HISTORY), new TypeReference<List<ActivationEvent>>() { }),
                    r.getValue(F, SEQ));
        } catch (TableNotFoundException beforeFirstLoad) {
            return NOTHING_ACTIVE;
        }
    }

    private Optional<VersionStatus> readStatus(String version) throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            Result r = t.get(new Get(versionRow(version)).addFamily(F));
            return r.isEmpty() ? Optional.empty() : Optional.of(status(r));
        } catch (TableNotFoundException beforeFirstLoad) {
            return Optional.empty();
        }
    }

    private List<VersionStatus> allStatuses() throws IOException {
        List<VersionStatus> out = new ArrayList<>();
        Scan scan = new Scan().setRowPrefixFilter(ServingTables.bytes(VERSION_ROW)).addFamily(F);
        try (Table t = connection.getTable(tables.registry); ResultScanner scanner = t.getScanner(scan)) {
            // next() rather than the iterator: the iterator wraps failures in UncheckedIOException
            for (Result r = scanner.next(); r != null; r = scanner.next()) {
                out.add(status(r));
            }
        } catch (TableNotFoundException beforeFirstLoad) {
            return out;
        }
        out.sort(Comparator.comparing(VersionStatus::version));
        return out;
    }

    private static VersionStatus status(Result r) throws IOException {
        String version = ServingTables.string(r.getRow()).substring(VERSION_ROW.length());
        String state = ServingTables.string(r.getValue(F, STATE));
        return new VersionStatus(version, state == null ? VersionState.LOADING : VersionState.valueOf(state),
                ServingTables.string(r.getValue(F, AS_OF)),
                fromJson(r.getValue(F, MODELS), new TypeReference<List<String>>() { }),
                ServingTables.string(r.getValue(F, STARTED_AT)), ServingTables.string(r.getValue(F, LOADED_AT)),
                r.getValue(F, ROWS) == null ? Map.of()
                        : ViewJson.MAPPER.readValue(r.getValue(F, ROWS), new TypeReference<LinkedHashMap<String, Long>>() { }),
                ServingTables.string(r.getValue(F, ERROR)),
                r.getValue(F, EVALUATION) == null ? Map.of()
                        : ViewJson.MAPPER.readValue(r.getValue(F, EVALUATION), new TypeReference<LinkedHashMap<String, Object>>() { }));
    }

    private static byte[] versionRow(String version) {
        return ServingTables.bytes(VERSION_ROW + ServingTables.checkName("version", version));
    }

    private static List<String> modelNames(Manifest manifest) {
        return manifest.models() == null ? List.of() : manifest.models().stream().map(Manifest.ModelEntry::name).toList();
    }

    private static byte[] json(Object value) throws JsonProcessingException {
        return ViewJson.MAPPER.writeValueAsBytes(value);
    }

    private static <T> List<T> fromJson(byte[] value, TypeReference<List<T>> type) throws IOException {
        return value == null ? List.of() : ViewJson.MAPPER.readValue(value, type);
    }
}
