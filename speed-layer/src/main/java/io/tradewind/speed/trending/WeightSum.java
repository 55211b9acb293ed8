package io.tradewind.speed.trending;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums the behaviour weights of a window's events (the same weights the incremental model learns with). */
final class WeightSum implements AggregateFunction<BehaviourEvent, Double, Double> {
    private final BehaviourWeights weights;

    WeightSum(BehaviourWeights weights) {
        this.weights = weights;
    }

    @Override
    public Double createAccumulator() {
        return 0.0;
    }

    @Override
    public Double add(BehaviourEvent event, Double sum) {
        return sum + weights.of(event.type());
    }

    @Override
    public Double getResult(Double sum) {
        return sum;
    }

    @Override
    public Double merge(Double a, Double b) {
        return a + b;
    }
}
