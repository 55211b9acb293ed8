package io.tradewind.speed.trending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the window scores of all countries into one board per window end: each country's {@code size} most wanted
 * items. When event time passes a window's end (all its scores have arrived, whatever the parallelism upstream), it
 * emits what every item's catalogue document should now say: the whole board (so a catalogue index built after the
 * last change, e.g. by a publish, is filled within one slide) and every item that has just left it (with no
 * countries), never anything else. Runs as one instance (keyed by a constant): the board is small.
 */
final class TrendingBoard extends KeyedProcessFunction<Integer, WindowScore, TrendingChange> {
    private static final Comparator<WindowScore> BEST_FIRST = Comparator.comparingDouble(WindowScore::score).reversed()
            .thenComparing(WindowScore::item);

    private final int size;
    /** Scores of windows not yet closed, as a set: one put per score, so no list is rewritten per score. */
    private transient MapState<WindowScore, Boolean> pending;
    private transient ValueState<Map<String, List<String>>> lastBoard;

    TrendingBoard(int size) {
        this.size = size;
    }

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-scores",
                TypeInformation.of(WindowScore.class), Types.BOOLEAN));
        lastBoard = getRuntimeContext().getState(new ValueStateDescriptor<>("last-board",
                TypeInformation.of(new TypeHint<Map<String, List<String>>>() { })));
    }

    @Override
    public void processElement(WindowScore score, Context ctx, Collector<TrendingChange> out) throws Exception {
        pending.put(score, Boolean.TRUE);
        // Window results carry the timestamp end - 1; the watermark passes it once every upstream fired. A timer
        // registered again for the same time is the same timer.
        ctx.timerService().registerEventTimeTimer(score.windowEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrendingChange> out) throws Exception {
        long windowEnd = timestamp + 1;
        List<WindowScore> scores = new ArrayList<>();
        for (WindowScore s : pending.keys()) { // only the few windows within the allowed lateness are pending
            if (s.windowEnd() == windowEnd) {
                scores.add(s);
            }
        }
        for (WindowScore s : scores) {
            pending.remove(s);
        }
        Map<String, List<String>> board = board(scores, size);
        board.forEach((item, countries) -> out.collect(new TrendingChange(item, countries, windowEnd)));
        Map<String, List<String>> previous = lastBoard.value();
        if (previous != null) {
            for (String item : previous.keySet()) {
                if (!board.containsKey(item)) {
                    out.collect(new TrendingChange(item, List.of(), windowEnd));
                }
            }
        }
        lastBoard.update(board);
    }

    /** Item → the countries (sorted) where it is among the {@code size} best of one window. */
    static Map<String, List<String>> board(List<WindowScore> scores, int size) {
        Map<String, List<WindowScore>> byCountry = new TreeMap<>();
        for (WindowScore s : scores) {
            byCountry.computeIfAbsent(s.country(), c -> new ArrayList<>()).add(s);
        }
        Map<String, List<String>> board = new HashMap<>();
        byCountry.forEach((country, list) -> {
            list.sort(BEST_FIRST);
            for (WindowScore s : list.subList(0, Math.min(size, list.size()))) {
                board.computeIfAbsent(s.item(), i -> new ArrayList<>()).add(country); // TreeMap order: sorted
            }
        });
        return board;
    }
}
