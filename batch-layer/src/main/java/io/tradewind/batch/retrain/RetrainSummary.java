package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.Manifest;
import java.io.PrintStream;

/** Prints what a retrain published, for the person who ran it. */
public final class RetrainSummary {
    private RetrainSummary() {
    }

    public static void print(RetrainPipeline.Result result, PrintStream out) {
        Manifest m = result.manifest();
        Manifest.Input in = m.input();
        if (result.currentKeptBecause().isEmpty()) {
            out.printf("Published batch views %s (as of %s) at %s%n", m.version(), m.asOf(), result.versionUri());
        } else {
            out.printf("Wrote batch views %s (as of %s) at %s, not made current: %s%n", m.version(), m.asOf(),
                    result.versionUri(), result.currentKeptBecause().get());
        }
        out.printf("  events %,d | users %,d (buyers %,d) | items %,d | user-item pairs %,d%n",
                in.events(), in.users(), in.buyers(), in.items(), in.pairs());
        out.printf("  segments: %s%n", String.join(", ", m.segments()));
        m.models().forEach(model -> out.printf("  model %-10s fit %.2fs %s%n", model.name(), model.fitSeconds(), model.params()));
        out.printf("  stage seconds: %s%n", m.stageSeconds());
    }
}
