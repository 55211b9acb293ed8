package io.tradewind.batch.retrain;

import io.tradewind.core.portrait.UserActivity;
import java.io.Serializable;

/**
 * What the per-user pass yields for one user: the portrait-window activity (null when the user did nothing in
 * the window) and how many distinct events the user had before the as-of time.
 */
public record UserHistory(String userId, UserActivity activity, long events) implements Serializable {
}
