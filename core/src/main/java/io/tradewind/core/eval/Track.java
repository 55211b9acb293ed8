package io.tradewind.core.eval;

/** The two truth definitions of PROTOCOL.md section 2. */
public enum Track {
    /** All test purchases count, repeats included; the user's own past items may be recommended. */
    A,
    /** Only items new to the user count; the user's past items are removed from the candidate list. */
    B
}
