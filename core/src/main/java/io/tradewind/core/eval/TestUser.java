package io.tradewind.core.eval;

/**
 * A test user of one track.
 *
 * @param user  the user's index in the split's training matrix
 * @param truth the candidate items (training matrix indices, ascending) the user bought in the test window
 */
public record TestUser(int user, int[] truth) {
}
