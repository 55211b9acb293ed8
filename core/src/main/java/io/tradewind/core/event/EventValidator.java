package io.tradewind.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules every event must pass before it enters the master data set. Returns reasons rather than throwing, so
 * importers can write rejects files and the API can answer 400 with a reason per event.
 */
public final class EventValidator {
    /** Earliest plausible event time (2000-01-01) and latest (2100-01-01): outside means a unit or parse error. */
    static final long MIN_TIMESTAMP = 946_684_800_000L;
    static final long MAX_TIMESTAMP = 4_102_444_800_000L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_TEXT_LENGTH = 2_000;

    private EventValidator() {
    }

    public static List<String> problems(BehaviourEvent e) {
        List<String> reasons = new ArrayList<>();
        checkId("eventId", e.eventId(), reasons);
        checkId("userId", e.userId(), reasons);
        if (e.type() != EventType.SEARCH) {
            checkId("itemId", e.itemId(), reasons);
        } else if (e.query() == null || e.query().isBlank()) {
            reasons.add("query: required for SEARCH events");
        }
        if (e.timestampMillis() < MIN_TIMESTAMP || e.timestampMillis() > MAX_TIMESTAMP) {
            reasons.add("timestamp: " + e.timestampMillis() + " ms is outside 2000-01-01..2100-01-01");
        }
        if (e.quantity() <= 0) {
            reasons.add("quantity: must be positive (returns carry a positive quantity and type RETURN), got " + e.quantity());
        }
        if (e.unitPrice() != null && (e.unitPrice().isNaN() || e.unitPrice() < 0)) {
            reasons.add("unitPrice: must be >= 0, got " + e.unitPrice());
        }
        if (e.currency() != null && !CURRENCY.matcher(e.currency()).matches()) {
            reasons.add("currency: must be an ISO 4217 code like GBP, got '" + e.currency() + "'");
        }
        checkText("query", e.query(), reasons);
        checkText("itemTitle", e.itemTitle(), reasons);
        return reasons;
    }

    /**
     * An event dated further ahead of {@code nowMillis} than a sender's clock can be off: a unit error (seconds read as
     * milliseconds elsewhere) or a test record, never something that has happened. Applied where events arrive (the
     * API, the speed layer), not to imports of history.
     */
    public static Optional<String> futureProblem(BehaviourEvent e, long nowMillis, Duration tolerance) {
        if (e.timestampMillis() <= nowMillis + tolerance.toMillis()) {
            return Optional.empty();
        }
        return Optional.of("timestamp: " + Instant.ofEpochMilli(e.timestampMillis()) + " is more than " + tolerance.toSeconds()
                + " s ahead of the receiver's clock (" + Instant.ofEpochMilli(nowMillis) + ")");
    }

    private static void checkId(String field, String value, List<String> reasons) {
        if (value == null || value.isBlank()) {
            reasons.add(field + ": required");
        } else if (value.length() > MAX_ID_LENGTH) {
            reasons.add(field + ": longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static void checkText(String field, String value, List<String> reasons) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            reasons.add(field + ": longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }
}
