package io.tradewind.core.eval;

import io.tradewind.core.event.PurchaseNetting;
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
 * are the candidates, and per track the test users with their truth; and the models' training input, the same
 * purchases net of the returns before the cutoff ({@link PurchaseNetting}). The protocol's definitions (candidates,
 * test users, truth, track B's exclusions) stay on the raw purchases; only what the models learn from changes.
 */
public final class EvaluationSplit {
    private final String label;
    private final String trainWindow;
    private final String testWindow;
    private final Interactions train;
    private final Interactions modelTrain;
    private final int usersWithBoth;
    private final Map<Track, List<TestUser>> testUsers;

    private EvaluationSplit(String label, String trainWindow, String testWindow, Interactions train,
                            Interactions modelTrain, int usersWithBoth, Map<Track, List<TestUser>> testUsers) {
        this.label = label;
        this.trainWindow = trainWindow;
        this.testWindow = testWindow;
        this.train = train;
        this.modelTrain = modelTrain;
        this.usersWithBoth = usersWithBoth;
        this.testUsers = testUsers;
    }

    /**
     * Splits at {@code cutoff}: train = purchases before it, test = purchases in {@code [cutoff, testEnd)}
     * ({@code testEnd} may be {@code Long.MAX_VALUE} for "to the end").
     */
    public static EvaluationSplit temporal(String label, String trainWindow, String testWindow,
                                           List<Purchase> purchases, long cutoff, long testEnd) {
        return temporal(label, trainWindow, testWindow, purchases, List.of(), cutoff, testEnd);
    }

    /**
     * As {@link #temporal(String, String, String, List, long, long)}, with {@code returns} (return lines, quantity =
     * units returned) netted out of the purchases before {@code cutoff} in {@link #modelTrain()}.
     */
    public static EvaluationSplit temporal(String label, String trainWindow, String testWindow,
                                           List<Purchase> purchases, List<Purchase> returns, long cutoff,
                                           long testEnd) {
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
        Interactions modelTrain = returns.isEmpty() ? train : netted(purchases, returns, cutoff);
        return new EvaluationSplit(label, trainWindow, testWindow, train, modelTrain, users.length, tracks);
    }

    /** The purchase lines before {@code cutoff} that returns before it left units of, as a matrix. */
    private static Interactions netted(List<Purchase> purchases, List<Purchase> returns, long cutoff) {
        record Line(Purchase line, long units) {
        }
        Map<String, List<Line>> byPair = new HashMap<>();
        for (int sign : new int[] {1, -1}) {
            for (Purchase p : sign > 0 ? purchases : returns) {
                if (p.timestamp() < cutoff) {
                    byPair.computeIfAbsent(p.user() + '\u0000' + p.item(), k -> new ArrayList<>())
                            .add(new Line(p, sign * p.quantity()));
                }
            }
        }
        Interactions.Builder builder = Interactions.builder();
        for (List<Line> lines : byPair.values()) {
            long[] times = lines.stream().mapToLong(l -> l.line().timestamp()).toArray();
            long[] kept = PurchaseNetting.netQuantities(times, lines.stream().mapToLong(Line::units).toArray());
            for (int k = 0; k < kept.length; k++) {
                if (kept[k] > 0) {
                    Purchase p = lines.get(k).line();
                    builder.add(p.user(), p.item(), p.invoice(), p.timestamp());
                }
            }
        }
        return builder.build();
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

    /**
     * What the models are fitted on: the training purchases net of the training returns (a wholly returned line is
     * no purchase, a pair with nothing left no interaction). The same object as {@link #train()} when there were no
     * returns. Its users and items may be fewer than the candidates'.
     */
    public Interactions modelTrain() {
        return modelTrain;
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
