package io.tradewind.contracts.hbase;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradewind.contracts.views.ViewJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A user's segment as the speed layer re-assigned it (cell {@code r:segment} of the user's row): the batch version
 * whose centroids it was assigned against, the segment, when it changed (the event time, also the cell's
 * timestamp) and the live RFM it was assigned from. A reader shows it only while {@code version} is the active
 * version; under another version the batch portrait's segment stands until the user's next events.
 *
 * @param monetary null when the source has no prices
 */
public record LiveSegment(String version, String segment, long changedAtMillis, double recencyDays, int frequency,
                          Double monetary) {

    public LiveSegment {
        if (version == null || segment == null) {
            throw new IllegalArgumentException("a live segment needs its version and segment");
        }
    }

    /** JSON: small, written once per change, readable in the HBase shell. */
    public byte[] encode() {
        try {
            return ViewJson.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LiveSegment decode(byte[] cell) {
        try {
            return ViewJson.MAPPER.readValue(cell, LiveSegment.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a live segment cell: " + e.getMessage(), e);
        }
    }
}
