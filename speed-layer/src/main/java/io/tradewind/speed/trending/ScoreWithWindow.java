package io.tradewind.speed.trending;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Attaches the key and window end to a window's summed weight; windows that sum to nothing positive are dropped. */
final class ScoreWithWindow extends ProcessWindowFunction<Double, WindowScore, CountryItem, TimeWindow> {
    @Override
    public void process(CountryItem key, Context context, Iterable<Double> sums, Collector<WindowScore> out) {
        for (double sum : sums) {
            if (sum > 0) { // returns can cancel the wanting out
                out.collect(new WindowScore(key.country(), key.item(), context.window().getEnd(), sum));
            }
        }
    }
}
