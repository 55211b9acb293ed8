package io.tradewind.infra.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Rising request rates against one endpoint until its p99 leaves the goal: the highest rate that held is the figure
 * a deployment is sized by. A rate holds when its p99 is within the goal, nothing failed and the generator kept up
 * (achieved at least 95 % of the rate); the sweep stops at the first rate that does not.
 */
final class CapacitySweep {
    /** Each rate is warmed up briefly (the endpoint is warm from the runs before) and measured on its own. */
    static final Duration STEP_WARM_UP = Duration.ofSeconds(5);
    static final Duration STEP_MEASURED = Duration.ofSeconds(10);

    /**
     * What the sweep measured: every rate measured, in order, the highest that held (0 when none did), and what
     * ended the sweep.
     */
    record Result(String name, double p99GoalMillis, List<OpenLoopLoad.Measured> steps, double capacity,
                  String stoppedBy) {
    }

    private CapacitySweep() {
    }

    static boolean holds(OpenLoopLoad.Measured m, double p99GoalMillis) {
        return m.p99Millis() <= p99GoalMillis && m.errors() == 0 && m.achievedRate() >= 0.95 * m.targetRate();
    }

    static Result run(OpenLoopLoad load, String name, LongFunction<String> requests, List<Integer> rates,
                      double p99GoalMillis, PrintStream log) throws InterruptedException {
        List<OpenLoopLoad.Measured> steps = new ArrayList<>();
        double capacity = 0;
        String stoppedBy = "the last rate of the sweep held";
        for (int rate : rates) {
            OpenLoopLoad.Measured m;
            try {
                m = load.run(name + " at " + rate + " req/s", requests, requests, rate, STEP_WARM_UP, STEP_MEASURED);
            } catch (IllegalStateException stuck) {
                // Far beyond capacity the backlog outlasts the generator's patience: that rate did not hold either.
                stoppedBy = rate + " req/s: " + stuck.getMessage();
                log.printf("  %s at %,d req/s: %s (stopping)%n", name, rate, stuck.getMessage());
                break;
            }
            steps.add(m);
            log.printf("  %s at %,d req/s: p99 %.1f ms%s%n", name, rate, m.p99Millis(),
                    holds(m, p99GoalMillis) ? "" : " (beyond the goal of " + p99GoalMillis + " ms: stopping)");
            if (!holds(m, p99GoalMillis)) {
                stoppedBy = String.format("%d req/s: p99 %.1f ms, %d errors, achieved %.0f req/s", rate, m.p99Millis(),
                        m.errors(), m.achievedRate());
                break;
            }
            capacity = rate;
        }
        return new Result(name, p99GoalMillis, steps, capacity, stoppedBy);
    }
}
