package io.tradewind.speed.state;

import io.tradewind.contracts.views.RfmBaselineView;
import io.tradewind.core.portrait.PurchaseTotals;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Each user's RFM inputs at a batch version's as-of ({@code rfm-baseline.jsonl}), held by every parallel instance of
 * the user-state function like the teacher. Compact on purpose: the user ids sorted in one array and the totals in
 * primitive arrays beside them (found by binary search): about 72 bytes per user (a 5-character id string 48, its
 * slot 4, the totals 20), so some 0.3 MB for Online Retail's 4,300 users and 72 MB for a million.
 */
final class RfmBaseline {
    private final String[] users;
    private final long[] lastPurchaseMillis;
    private final int[] occasions;
    private final double[] netValues;
    private final BitSet priced;

    private RfmBaseline(List<RfmBaselineView> rows) {
        RfmBaselineView[] sorted = rows.toArray(new RfmBaselineView[0]);
        Arrays.sort(sorted, Comparator.comparing(RfmBaselineView::user));
        int n = sorted.length;
        users = new String[n];
        lastPurchaseMillis = new long[n];
        occasions = new int[n];
        netValues = new double[n];
        priced = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted[i].user().equals(users[i - 1])) {
                throw new IllegalArgumentException("user " + users[i - 1] + " has two rows in " + RfmBaselineView.FILE);
            }
            PurchaseTotals t = sorted[i].totals();
            users[i] = sorted[i].user();
            lastPurchaseMillis[i] = t.lastPurchaseMillis();
            occasions[i] = t.occasions();
            netValues[i] = t.netValue();
            priced.set(i, t.priced());
        }
    }

    static RfmBaseline of(List<RfmBaselineView> rows) {
        return new RfmBaseline(rows);
    }

    /** The user's totals at the as-of; {@link PurchaseTotals#NONE} for a user the batch saw buy nothing. */
    PurchaseTotals totals(String user) {
        int i = Arrays.binarySearch(users, user);
        if (i < 0) {
            return PurchaseTotals.NONE;
        }
        return new PurchaseTotals(lastPurchaseMillis[i], occasions[i], netValues[i], priced.get(i));
    }

    int size() {
        return users.length;
    }
}
