package io.tradewind.core.eval;

import io.tradewind.core.model.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A temporal split of PROTOCOL.md section 2: the training matrix (interactions before the cutoff), whose items
 * are the candidates, and per track the test users with their truth.
 */
public final class EvaluationSplit {
    private final String label;
    private final String trainWindow;
    private final String testWindow;
    private final Interactions train;
    private final int usersWithBoth;
    private final Map<Track, List<TestUser>> testUsers;

    private EvaluationSplit(String label, String trainWindow, String testWindow, Interactions train, int usersWithBoth,
                            Map<Track, List<TestUser>> testUsers) {
        this.label = label;
        this.trainWindow = trainWindow;
        this.testWindow = testWindow;
        this.train = train;
        this.usersWithBoth = usersWithBoth;
        this.testUsers = testUsers;
    }

    /**
     * Splits at {@code cutoff}: train = purchases before it, test = purchases in {@code [cutoff, testEnd)}
     * ({@code testEnd} may be {@code Long.MAX_VALUE} for "to the end").
     */
    public static EvaluationSplit temporal(String label, String trainWindow, String testWindow,
                                           List<Purchase> purchases, long cutoff, long testEnd) {
        Interactions.Builder builder = Interactions.builder();
        for (Purchase p : purchases) {
            if (p.timestamp() < cutoff) {
                builder.add(p.user(), p.item(), p.invoice(), p.timestamp());
            }
        }
        Interactions train = builder.build();

        // Test items per user, as candidate indices; users without training purchases are not test users.
        Map<Integer, TreeSet<Integer>> tested = new HashMap<>();
        for (Purchase p : purchases) {
            if (p.timestamp() < cutoff || p.timestamp() >= testEnd) {
                continue;
            }
            int user = train.userIndex(p.user());
            if (user < 0) {
                continue;
            }
            TreeSet<Integer> items = tested.computeIfAbsent(user, u -> new TreeSet<>());
            int item = train.itemIndex(p.item());
            if (item >= 0) {
                items.add(item);
            }
        }
        Map<Track, List<TestUser>> tracks = new EnumMap<>(Track.class);
        List<TestUser> all = new ArrayList<>();
        List<TestUser> fresh = new ArrayList<>();
        Integer[] users = tested.keySet().toArray(Integer[]::new);
        Arrays.sort(users);
        for (int user : users) {
            int[] truth = tested.get(user).stream().mapToInt(Integer::intValue).toArray();
            if (truth.length > 0) {
                all.add(new TestUser(user, truth));
            }
            int[] newItems = Arrays.stream(truth).filter(item -> !train.bought(user, item)).toArray();
            if (newItems.length > 0) {
                fresh.add(new TestUser(user, newItems));
            }
        }
        tracks.put(Track.A, List.copyOf(all));
        tracks.put(Track.B, List.copyOf(fresh));
        return new EvaluationSplit(label, trainWindow, testWindow, train, users.length, tracks);
    }

    public String label() {
        return label;
    }

    public String trainWindow() {
        return trainWindow;
    }

    public String testWindow() {
        return testWindow;
    }

    /** Training matrix; its items are the candidates. */
    public Interactions train() {
        return train;
    }

    public int candidates() {
        return train.numItems();
    }

    /** Users with at least one training and one test purchase (before dropping empty truths). */
    public int usersWithBoth() {
        return usersWithBoth;
    }

    public List<TestUser> testUsers(Track track) {
        return testUsers.get(track);
    }

    /** Sum of the truth sizes of a track. */
    public long truthItems(Track track) {
        return testUsers(track).stream().mapToLong(u -> u.truth().length).sum();
    }
}
