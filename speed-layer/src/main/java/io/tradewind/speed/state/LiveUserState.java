package io.tradewind.speed.state;

import io.tradewind.core.incremental.UserState;
import io.tradewind.core.portrait.PurchaseLedger;
import io.tradewind.core.portrait.UserActivity;
import java.io.Serializable;

/**
 * A user's state in the streaming job (Flink keyed state, one value per user): the user's streamed activity in the
 * same {@link UserActivity} the batch layer folds history into, the purchases and returns since the active batch
 * version's as-of (the live RFM's share beyond the batch), the live segment last assigned and the version it was
 * assigned against, the incremental model's per-user state (its learnt correction and the user's fresh items), and
 * the latest event time folded in (events can arrive late; cells are written at the latest).
 */
public final class LiveUserState implements Serializable {
    /** 3: purchases and the live segment added (a POJO: state written by 2 restores with them empty). */
    private static final long serialVersionUID = 3L;

    public UserActivity activity;
    public UserState incremental;
    public long latestEventMillis = Long.MIN_VALUE;
    public PurchaseLedger purchases;
    /** The version {@link #segment} was assigned against; null before the first assignment. */
    public String segmentVersion;
    public String segment;

    public LiveUserState() {
    }

    LiveUserState(String userId) {
        this.activity = new UserActivity(userId);
        this.incremental = UserState.empty(userId);
        this.purchases = new PurchaseLedger();
    }
}
