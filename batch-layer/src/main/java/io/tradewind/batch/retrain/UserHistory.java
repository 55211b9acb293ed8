package io.tradewind.batch.retrain;

import io.tradewind.core.portrait.UserActivity;
import java.io.Serializable;

/**
 * What the per-user pass yields for one user: the portrait-window activity (null when the user did nothing in
 * the window), how many distinct events the user had before the as-of time, and how many of each type
 * (indexed by {@link io.tradewind.core.event.EventType#ordinal()}).
 */
public record UserHistory(String userId, UserActivity activity, long events, long[] eventsByType) implements Serializable {
}
