package io.tradewind.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's run queue (runnable threads, from {@code /proc/loadavg}) sampled every 100 ms while a phase is
 * measured, averaged per second: on two cores a second with more than two runnable threads is one where requests
 * wait for a CPU, which is how the bench tells CPU contention from a stall in one process.
 */
final class RunQueueSampler implements AutoCloseable {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final long PERIOD_MILLIS = 100;

    /** Per whole second sampled: its epoch second and mean runnable threads. */
    private final List<double[]> seconds = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RunQueueSampler() {
        thread = new Thread(this::sample, "bench-run-queue");
        thread.setDaemon(true);
    }

    /** Starts sampling now; empty figures on a system without {@code /proc/loadavg}. */
    static RunQueueSampler start() {
        RunQueueSampler sampler = new RunQueueSampler();
        sampler.thread.start();
        return sampler;
    }

    /** The machine's 1-minute load average now, or -1 when unknown: recorded at the start of a run. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void sample() {
        double sum = 0;
        int samples = 0;
        while (running) {
            try {
                // "0.52 0.61 0.70 3/812 4242": the fourth field is runnable/all; this thread is one of the runnable.
                String field = Files.readString(LOADAVG).trim().split("\\s+")[3];
                sum += Integer.parseInt(field.substring(0, field.indexOf('/'))) - 1;
                samples++;
                if (samples == 1000 / PERIOD_MILLIS) {
                    synchronized (seconds) {
                        seconds.add(new double[] {System.currentTimeMillis() / 1000L, sum / samples});
                    }
                    sum = 0;
                    samples = 0;
                }
                Thread.sleep(PERIOD_MILLIS);
            } catch (IOException | RuntimeException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Mean runnable threads of each second sampled between {@code from} and {@code to}. */
    double[] perSecond(Instant from, Instant to) {
        synchronized (seconds) {
            return seconds.stream().filter(s -> s[0] >= from.getEpochSecond() && s[0] <= to.getEpochSecond())
                    .mapToDouble(s -> s[1]).toArray();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
