package io.tradewind.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable sparse user x item purchase matrix, the training data of every {@link Recommender}.
 *
 * <p>Users and items get dense indices {@code 0..n-1} in ascending {@link String} order of their ids, so two
 * matrices built from the same rows index identically, and "lower index" means "smaller id". Per (user, item)
 * pair it holds the purchase count (number of distinct basket keys), the first and the last purchase time; per
 * item the number of distinct buyers and its first sale. Storage is CSR by user plus a CSC index by item, all in
 * primitive arrays.
 *
 * <p>Build it with {@link #builder()}: one {@link Builder#add} per purchase line. The offline evaluation passes
 * the invoice number as basket key; the batch layer, whose canonical events carry no invoice, passes the
 * event time ({@code Long.toString(event.timestampMillis())}) so lines of one checkout collapse into one
 * purchase.
 */
public final class Interactions {
    private final String[] userIds;
    private final String[] itemIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final long lines;

    // CSR by user: pairs userStart[u]..userStart[u+1]-1, item indices ascending.
    final int[] userStart;
    final int[] pairItem;
    final int[] pairCount;
    final long[] pairLastMillis;

    // CSC by item: users itemStart[i]..itemStart[i+1]-1 ascending, with the CSR position of each pair.
    final int[] itemStart;
    final int[] itemUser;
    final int[] itemPair;

    private final long[] itemFirstMillis;
    private final long minMillis;
    private final long maxMillis;

    private Interactions(String[] userIds, String[] itemIds, long lines, int[] userStart, int[] pairItem,
                         int[] pairCount, long[] pairLastMillis, long[] itemFirstMillis) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.lines = lines;
        this.userStart = userStart;
        this.pairItem = pairItem;
        this.pairCount = pairCount;
        this.pairLastMillis = pairLastMillis;
        this.itemFirstMillis = itemFirstMillis;
        this.userIndex = indexOf(userIds);
        this.itemIndex = indexOf(itemIds);

        int nItems = itemIds.length;
        itemStart = new int[nItems + 1];
        for (int item : pairItem) {
            itemStart[item + 1]++;
        }
        for (int i = 0; i < nItems; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        itemUser = new int[pairItem.length];
        itemPair = new int[pairItem.length];
        int[] fill = Arrays.copyOf(itemStart, nItems);
        for (int u = 0; u < userIds.length; u++) {
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                int slot = fill[pairItem[p]]++;
                itemUser[slot] = u;
                itemPair[slot] = p;
            }
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int p = 0; p < pairItem.length; p++) {
            max = Math.max(max, pairLastMillis[p]);
        }
        for (long first : itemFirstMillis) {
            min = Math.min(min, first);
        }
        this.minMillis = pairItem.length == 0 ? 0 : min;
        this.maxMillis = pairItem.length == 0 ? 0 : max;
    }

    private static Map<String, Integer> indexOf(String[] ids) {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int numUsers() {
        return userIds.length;
    }

    public int numItems() {
        return itemIds.length;
    }

    /** Number of distinct (user, item) pairs, the non-zeros of the binary matrix. */
    public int numPairs() {
        return pairItem.length;
    }

    /** Number of purchase lines the matrix was built from. */
    public long numLines() {
        return lines;
    }

    public String userId(int user) {
        return userIds[user];
    }

    public String itemId(int item) {
        return itemIds[item];
    }

    /** Dense index of a user id, or -1 when the user has no purchase in this matrix. */
    public int userIndex(String userId) {
        Integer index = userIndex.get(userId);
        return index == null ? -1 : index;
    }

    /** Dense index of an item id, or -1 when nobody bought the item in this matrix. */
    public int itemIndex(String itemId) {
        Integer index = itemIndex.get(itemId);
        return index == null ? -1 : index;
    }

    /** Number of distinct items the user bought. */
    public int userItemCount(int user) {
        return userStart[user + 1] - userStart[user];
    }

    /** Number of distinct users who bought the item. */
    public int buyers(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** Time of the item's first purchase (epoch millis). */
    public long firstSaleMillis(int item) {
        return itemFirstMillis[item];
    }

    /** Earliest purchase time in the matrix (epoch millis; 0 when empty). */
    public long minMillis() {
        return minMillis;
    }

    /** Latest purchase time in the matrix (epoch millis; 0 when empty): "now" for models that look at ages. */
    public long maxMillis() {
        return maxMillis;
    }

    /** Whether the user bought the item; binary search in the user's sorted row. */
    public boolean bought(int user, int item) {
        return Arrays.binarySearch(pairItem, userStart[user], userStart[user + 1], item) >= 0;
    }

    /** The user's row: items ascending with purchase counts and last purchase times. */
    public UserHistory history(int user) {
        int from = userStart[user];
        int to = userStart[user + 1];
        return new UserHistory(user, Arrays.copyOfRange(pairItem, from, to), Arrays.copyOfRange(pairCount, from, to),
                Arrays.copyOfRange(pairLastMillis, from, to));
    }

    /**
     * The history of a user of {@code other} re-expressed in this matrix's item indices (items this matrix
     * does not know are dropped). Lets a model fitted on one window score a user's purchases from another
     * window, e.g. a stale model with a fresh history.
     */
    public UserHistory historyFrom(Interactions other, int otherUser) {
        int from = other.userStart[otherUser];
        int to = other.userStart[otherUser + 1];
        int[] items = new int[to - from];
        int[] counts = new int[to - from];
        long[] last = new long[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            int item = itemIndex(other.itemIds[other.pairItem[p]]);
            if (item >= 0) {
                items[n] = item;
                counts[n] = other.pairCount[p];
                last[n] = other.pairLastMillis[p];
                n++;
            }
        }
        UserHistory unsorted = new UserHistory(userIndex(other.userIds[otherUser]), Arrays.copyOf(items, n),
                Arrays.copyOf(counts, n), Arrays.copyOf(last, n));
        return unsorted.sortedByItem();
    }

    /**
     * Accumulates purchase lines. Not thread-safe; {@link #build()} may be called once.
     */
    public static final class Builder {
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> items = new HashMap<>();
        private final Map<String, Integer> baskets = new HashMap<>();
        private final Map<Long, Integer> pairs = new HashMap<>();
        private final Set<Long> pairBaskets = new HashSet<>();
        private final List<String> userNames = new ArrayList<>();
        private final List<String> itemNames = new ArrayList<>();
        private int[] pairUser = new int[1024];
        private int[] pairItem = new int[1024];
        private int[] pairCount = new int[1024];
        private long[] pairLast = new long[1024];
        private long[] pairFirst = new long[1024];
        private long lines;
        private boolean built;

        private Builder() {
        }

        /**
         * Adds one purchase line. Lines with the same (user, item, basketKey) count as one purchase of the pair.
         */
        public Builder add(String userId, String itemId, String basketKey, long timestampMillis) {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(basketKey, "basketKey");
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            int user = intern(users, userNames, userId);
            int item = intern(items, itemNames, itemId);
            int basket = baskets.computeIfAbsent(basketKey, k -> baskets.size());
            long key = ((long) user << 32) | item;
            Integer pair = pairs.get(key);
            if (pair == null) {
                pair = pairs.size();
                pairs.put(key, pair);
                ensureCapacity(pair + 1);
                pairUser[pair] = user;
                pairItem[pair] = item;
                pairLast[pair] = timestampMillis;
                pairFirst[pair] = timestampMillis;
            } else {
                pairLast[pair] = Math.max(pairLast[pair], timestampMillis);
                pairFirst[pair] = Math.min(pairFirst[pair], timestampMillis);
            }
            if (pairBaskets.add(((long) pair << 32) | basket)) {
                pairCount[pair]++;
            }
            lines++;
            return this;
        }

        private static int intern(Map<String, Integer> index, List<String> names, String id) {
            Integer known = index.get(id);
            if (known != null) {
                return known;
            }
            index.put(id, names.size());
            names.add(id);
            return names.size() - 1;
        }

        private void ensureCapacity(int size) {
            if (size > pairUser.length) {
                int n = Math.max(size, pairUser.length * 2);
                pairUser = Arrays.copyOf(pairUser, n);
                pairItem = Arrays.copyOf(pairItem, n);
                pairCount = Arrays.copyOf(pairCount, n);
                pairLast = Arrays.copyOf(pairLast, n);
                pairFirst = Arrays.copyOf(pairFirst, n);
            }
        }

        public Interactions build() {
            built = true;
            String[] sortedUsers = userNames.toArray(String[]::new);
            String[] sortedItems = itemNames.toArray(String[]::new);
            Arrays.sort(sortedUsers);
            Arrays.sort(sortedItems);
            int[] userRank = rankOf(userNames, sortedUsers);
            int[] itemRank = rankOf(itemNames, sortedItems);

            int nPairs = pairs.size();
            long[] order = new long[nPairs];
            for (int p = 0; p < nPairs; p++) {
                order[p] = ((long) userRank[pairUser[p]] << 32) | itemRank[pairItem[p]];
            }
            long[] sortedKeys = order.clone();
            Arrays.sort(sortedKeys);
            Map<Long, Integer> pairOfKey = new HashMap<>(nPairs * 2);
            for (int p = 0; p < nPairs; p++) {
                pairOfKey.put(order[p], p);
            }
            int[] userStart = new int[sortedUsers.length + 1];
            int[] item = new int[nPairs];
            int[] count = new int[nPairs];
            long[] last = new long[nPairs];
            long[] itemFirst = new long[sortedItems.length];
            Arrays.fill(itemFirst, Long.MAX_VALUE);
            for (int q = 0; q < nPairs; q++) {
                long key = sortedKeys[q];
                int p = pairOfKey.get(key);
                int user = (int) (key >>> 32);
                item[q] = (int) key;
                count[q] = pairCount[p];
                last[q] = pairLast[p];
                userStart[user + 1]++;
                itemFirst[item[q]] = Math.min(itemFirst[item[q]], pairFirst[p]);
            }
            for (int u = 0; u < sortedUsers.length; u++) {
                userStart[u + 1] += userStart[u];
            }
            return new Interactions(sortedUsers, sortedItems, lines, userStart, item, count, last, itemFirst);
        }

        private static int[] rankOf(List<String> names, String[] sorted) {
            Map<String, Integer> position = indexOf(sorted);
            int[] rank = new int[names.size()];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = position.get(names.get(i));
            }
            return rank;
        }
    }
}
