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

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
