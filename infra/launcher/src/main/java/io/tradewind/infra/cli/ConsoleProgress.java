package io.tradewind.infra.cli;

import io.tradewind.core.progress.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows library progress on standard error: a live progress bar on a terminal; on a pipe or log file (a
 * scheduler, CI) one line when a task starts and one when it ends, so logs stay readable.
 */
final class ConsoleProgress implements ProgressListener {
    private final boolean terminal = System.console() != null;
    private final PrintStream err = System.err;
    private ProgressBar bar;
    private String task;
    private long startNanos;

    @Override
    public synchronized void start(String task, long totalUnits) {
        finish();
        this.task = task;
        this.startNanos = System.nanoTime();
        if (!terminal) {
            err.println(task + " ...");
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalUnits)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
    }

    @Override
    public synchronized void advance(long units) {
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (task != null && !terminal) {
            err.printf("%s done in %.1f s%n", task, (System.nanoTime() - startNanos) / 1e9);
        }
        task = null;
    }
}
