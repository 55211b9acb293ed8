package io.tradewind.core.portrait;

/**
 * A user's portrait: stratum and segment, RFM value tags (raw and standardised) and shopping habits.
 * Users without a purchase in the window belong to the {@code new} stratum and have no RFM.
 */
public record Portrait(
        String userId,
        String segment,
        Rfm rfm,
        double[] rfmZ,
        Habits habits) {

    public boolean isNewUser() {
        return SegmentLabeller.NEW_USERS.equals(segment);
    }
}
