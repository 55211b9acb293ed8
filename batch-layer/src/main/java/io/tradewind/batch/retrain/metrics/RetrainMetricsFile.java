package io.tradewind.batch.retrain.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retrain's metrics in Prometheus text format, one file rewritten after every run: the node_exporter
 * textfile-collector convention (point its {@code --collector.textfile.directory} at the file's folder, name the file
 * {@code *.prom}). The file is written beside itself under a temporary name and renamed over the old one, so a scrape
 * never reads half a file.
 *
 * <p>Each run replaces the latest run's figures; the {@code tradewind_retrain_last_success_*} ones are carried over
 * from the previous file when the run did not succeed, so "time since the last success" keeps growing through
 * failures.
 */
public final class RetrainMetricsFile {
    public static final String LAST_RUN = "tradewind_retrain_last_run_timestamp_seconds";
    public static final String OUTCOME = "tradewind_retrain_outcome";
    public static final String DURATION = "tradewind_retrain_duration_seconds";
    public static final String STAGE_DURATION = "tradewind_retrain_stage_duration_seconds";
    public static final String LAST_SUCCESS = "tradewind_retrain_last_success_timestamp_seconds";
    public static final String LAST_SUCCESS_AS_OF = "tradewind_retrain_last_success_as_of_timestamp_seconds";
    public static final String LAST_SUCCESS_INFO = "tradewind_retrain_last_success_info";

    private static final String LAST_SUCCESS_PREFIX = "tradewind_retrain_last_success_";
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put(LAST_RUN, "When the latest retrain run ended, whatever its outcome (Unix time)");
        HELP.put(OUTCOME, "How the latest retrain run ended: 1 for its outcome, 0 for the others");
        HELP.put(DURATION, "How long the latest retrain run took, from start to end");
        HELP.put(STAGE_DURATION, "How long each stage of the latest retrain run took; a failed run lists the stages it finished");
        HELP.put(LAST_SUCCESS, "When the latest successful retrain run ended (Unix time)");
        HELP.put(LAST_SUCCESS_AS_OF, "The as-of time of the version the latest successful retrain wrote (Unix time)");
        HELP.put(LAST_SUCCESS_INFO, "The version the latest successful retrain wrote and whether it took CURRENT (false: a backfill)");
    }

    private final Path path;

    private RetrainMetricsFile(Path path) {
        this.path = path;
    }

    /**
     * The metrics file at {@code path}, checked before the retrain starts: its folder must exist and be writable, and
     * a file already there must be one this class wrote (so a wrong path does not overwrite something else). Throws
     * {@link IllegalArgumentException} naming the path and what is wrong.
     */
    public static RetrainMetricsFile at(Path path) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--metrics-file " + path + ": folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException("--metrics-file " + path + ": folder " + folder + " is not writable");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--metrics-file " + path + " is a folder; name a file in it, e.g. "
                    + path.resolve("tradewind_retrain.prom"));
        }
        RetrainMetricsFile file = new RetrainMetricsFile(path);
        file.previousSamples(); // refuses a file that is not a retrain metrics file
        return file;
    }

    public Path path() {
        return path;
    }

    /** Replaces the file with {@code run}'s figures (and the previous last success when {@code run} failed). */
    public void write(RetrainRun run) throws IOException {
        List<TextFormatSample> lastSuccess = run.written().isPresent()
                ? lastSuccessOf(run, run.written().get())
                : previousSamples().stream().filter(s -> s.name().startsWith(LAST_SUCCESS_PREFIX)).toList();
        Map<String, List<TextFormatSample>> families = new LinkedHashMap<>();
        HELP.keySet().forEach(name -> families.put(name, new ArrayList<>()));
        families.get(LAST_RUN).add(new TextFormatSample(LAST_RUN, seconds(run.endedAt())));
        for (RetrainOutcome outcome : RetrainOutcome.values()) {
            families.get(OUTCOME).add(new TextFormatSample(OUTCOME, Map.of("outcome", outcome.label()),
                    outcome == run.outcome() ? 1 : 0));
        }
        families.get(DURATION).add(new TextFormatSample(DURATION, run.duration().toMillis() / 1000.0));
        run.stageSeconds().forEach((stage, secs) -> families.get(STAGE_DURATION)
                .add(new TextFormatSample(STAGE_DURATION, Map.of("stage", stage), secs)));
        lastSuccess.forEach(s -> families.get(s.name()).add(s));

        StringBuilder text = new StringBuilder();
        families.forEach((name, samples) -> {
            if (!samples.isEmpty()) {
                text.append("# HELP ").append(name).append(' ').append(HELP.get(name)).append('\n');
                text.append("# TYPE ").append(name).append(" gauge\n");
                samples.forEach(s -> text.append(s.line()).append('\n'));
            }
        });
        replaceAtomically(text.toString());
    }

    private static List<TextFormatSample> lastSuccessOf(RetrainRun run, RetrainRun.WrittenVersion written) {
        return List.of(new TextFormatSample(LAST_SUCCESS, seconds(run.endedAt())),
                new TextFormatSample(LAST_SUCCESS_AS_OF, seconds(written.asOf())),
                new TextFormatSample(LAST_SUCCESS_INFO, Map.of("version", written.version(),
                        "current", Boolean.toString(written.madeCurrent())), 1));
    }

    /** The samples of the file as it is now; none when there is no file yet. */
    List<TextFormatSample> previousSamples() {
        if (!Files.exists(path)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--metrics-file " + path + " cannot be read: " + e.getMessage(), e);
        }
        List<TextFormatSample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            TextFormatSample sample;
            try {
                sample = TextFormatSample.parse(line);
            } catch (IllegalArgumentException e) {
                throw notOurs(i + 1, e.getMessage());
            }
            if (!HELP.containsKey(sample.name())) {
                throw notOurs(i + 1, "metric " + sample.name() + " is not one the retrain writes");
            }
            samples.add(sample);
        }
        return samples;
    }

    private IllegalArgumentException notOurs(int line, String why) {
        return new IllegalArgumentException("--metrics-file " + path + " exists and is not a retrain metrics file (line "
                + line + ": " + why + "); name another file or remove it");
    }

    private void replaceAtomically(String text) throws IOException {
        // Beside the target, so the rename stays on one file system; not *.prom, so the collector never reads it.
        Path temporary = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot replace " + path + " in one step on this file system: " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static double seconds(Instant time) {
        return time.toEpochMilli() / 1000.0;
    }
}
