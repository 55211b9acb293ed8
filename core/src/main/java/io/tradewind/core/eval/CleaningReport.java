package io.tradewind.core.eval;

/**
 * Row counts of the cleaning rules of PROTOCOL.md section 1, each dropped row counted under the first rule it
 * fails, in the rules' order.
 */
public record CleaningReport(String file, long rowsRead, long droppedNoCustomer, long droppedCancelOrAdjust,
                             long droppedNonPositive, long droppedNonProductCode, long kept, int users, int items) {
}
