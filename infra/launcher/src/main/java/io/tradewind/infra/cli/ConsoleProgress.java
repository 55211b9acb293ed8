package io.tradewind.infra.cli;

import io.tradewind.core.progress.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows library progress as a terminal progress bar on standard error. */
final class ConsoleProgress implements ProgressListener {
    private ProgressBar bar;

    @Override
    public synchronized void start(String task, long totalUnits) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalUnits)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
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
        }
    }
}
