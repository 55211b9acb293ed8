package io.tradewind.batch.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did. Every row read is counted exactly once:
 * {@code read = written + alreadyPresent + skipped + rejected}, and the per-reason counts add up to
 * {@code skipped} and {@code rejected}. The constructor refuses a summary that breaks this.
 *
 * @param read             data rows in the input (the header is not a row)
 * @param written          new events added to the master data set
 * @param alreadyPresent   events whose id the master data set already had (re-import or overlapping export)
 * @param skipped          rows that are not events by the mapping's rules, e.g. no customer id
 * @param rejected         rows with broken data; each one is in {@code rejectsFile}
 * @param rejectsFile      where the rejected rows are; null when there were none
 */
public record ImportSummary(
        String importId,
        String source,
        URI input,
        URI target,
        long read,
        long written,
        long alreadyPresent,
        long skipped,
        long rejected,
        Map<String, Long> skippedByReason,
        Map<String, Long> rejectedByReason,
        List<LocalDate> partitionsWritten,
        List<URI> filesWritten,
        URI rejectsFile,
        Duration duration) {

    public ImportSummary {
        skippedByReason = Map.copyOf(skippedByReason);
        rejectedByReason = Map.copyOf(rejectedByReason);
        partitionsWritten = List.copyOf(partitionsWritten);
        filesWritten = List.copyOf(filesWritten);
        if (read != written + alreadyPresent + skipped + rejected) {
            throw new IllegalStateException("import " + importId + " lost count: read " + read + " != written "
                    + written + " + already present " + alreadyPresent + " + skipped " + skipped + " + rejected " + rejected);
        }
        if (sum(skippedByReason) != skipped || sum(rejectedByReason) != rejected) {
            throw new IllegalStateException("import " + importId + ": counts per reason do not add up");
        }
    }

    /** Rows that became events, new or already present. */
    public long accepted() {
        return written + alreadyPresent;
    }

    /** Rejected rows as a share of the rows read; 0 for an empty input. */
    public double rejectedShare() {
        return read == 0 ? 0 : (double) rejected / read;
    }

    /** A loud warning when more than {@code threshold} (0..1) of the rows were rejected, else empty. */
    public java.util.Optional<String> rejectedShareWarning(double threshold) {
        if (rejectedShare() <= threshold) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format("WARNING: %.1f %% of the rows were rejected (%,d of %,d; threshold "
                + "%.1f %%): check the mapping and the input; rows in %s", 100 * rejectedShare(), rejected, read,
                100 * threshold, rejectsFile));
    }

    /** A few lines for people: the counts and each reason, largest first. */
    public String describe() {
        StringBuilder out = new StringBuilder()
                .append("import ").append(importId).append(" (").append(source).append("): ").append(input)
                .append(" -> ").append(target).append(" in ").append(duration.toMillis()).append(" ms\n")
                .append(String.format("  read %,d = written %,d + already present %,d + skipped %,d + rejected %,d%n",
                        read, written, alreadyPresent, skipped, rejected));
        reasons(out, "skipped", skippedByReason);
        reasons(out, "rejected", rejectedByReason);
        if (rejectsFile != null) {
            out.append("  rejected rows: ").append(rejectsFile).append('\n');
        }
        return out.toString();
    }

    private static void reasons(StringBuilder out, String kind, Map<String, Long> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append(String.format("  %s %,d: %s%n", kind, e.getValue(), e.getKey())));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().collect(Collectors.summingLong(Long::longValue));
    }
}
