package io.tradewind.core.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event ids: deterministic for imported rows (re-imports overwrite, never duplicate), random for live events. */
public final class EventIds {
    private EventIds() {
    }

    /**
     * Id of an imported row. Identical rows do occur in real exports (the same line keyed twice), and they are
     * separate purchases, so the row's occurrence number among identical rows is part of the identity: the
     * same file imported twice yields the same ids, and the two identical lines keep two ids.
     */
    public static String forImportedRow(String source, String rawRow, int occurrence) {
        String key = source + '\u0000' + rawRow + '\u0000' + occurrence;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Id of a live event its sender gave no id: derived from what it says, so a retried request stores nothing
     * twice. Two events equal in every field (same user, item, type, millisecond, quantity, query) are one event.
     */
    public static String fromContent(String userId, String itemId, EventType type, long timestampMillis, int quantity,
                                     String query) {
        String key = "live" + '\u0000' + userId + '\u0000' + itemId + '\u0000' + type + '\u0000' + timestampMillis
                + '\u0000' + quantity + '\u0000' + (query == null ? "" : query);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
