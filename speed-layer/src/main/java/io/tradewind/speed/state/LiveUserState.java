package io.tradewind.speed.state;

import io.tradewind.core.incremental.UserState;
import io.tradewind.core.portrait.UserActivity;
import java.io.Serializable;

/**
 * A user's state in the streaming job (Flink keyed state, one value per user): running recency / frequency /
 * monetary counters in the same {@link UserActivity} the batch layer folds history into, the incremental model's
 * per-user state (its learnt correction and the user's fresh items), and the latest event time folded in (events
 * can arrive late; cells are written at the latest).
 */
public final class LiveUserState implements Serializable {
    private static final long serialVersionUID = 2L;

    public UserActivity activity;
    public UserState incremental;
    public long latestEventMillis = Long.MIN_VALUE;

    public LiveUserState() {
    }

    LiveUserState(String userId) {
        this.activity = new UserActivity(userId);
        this.incremental = UserState.empty(userId);
    }
}
