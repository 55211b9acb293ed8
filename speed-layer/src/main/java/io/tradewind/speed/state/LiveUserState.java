package io.tradewind.speed.state;

import io.tradewind.core.portrait.UserActivity;
import io.tradewind.core.realtime.RecentInteractions;
import java.io.Serializable;

/**
 * A user's state in the streaming job (Flink keyed state, one value per user): running recency / frequency /
 * monetary counters in the same {@link UserActivity} the batch layer folds history into, the items of recent
 * interest, and the latest event time folded in (events can arrive late; cells are written at the latest).
 */
public final class LiveUserState implements Serializable {
    private static final long serialVersionUID = 1L;

    public UserActivity activity;
    public RecentInteractions recent;
    public long latestEventMillis = Long.MIN_VALUE;

    public LiveUserState() {
    }

    LiveUserState(String userId, int recentCapacity, long halfLifeMillis) {
        this.activity = new UserActivity(userId);
        this.recent = new RecentInteractions(recentCapacity, halfLifeMillis);
    }
}
