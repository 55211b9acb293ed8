package io.tradewind.infra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where a JVM stopped its application threads during a window, from its unified log written with
 * {@link #logOption} ({@code -Xlog:safepoint,gc:file=…:time}): every safepoint with its total time (any collector's
 * pauses, and the others), and ZGC's allocation stalls, when a thread waits for the collector to free memory.
 */
record JvmPauses(int safepoints, double totalMillis, double maxMillis, String longest, int allocationStalls,
                 double stallMillis) {

    /** The JVM option that writes the log this reads to {@code file}. */
    static String logOption(Path file) {
        return "-Xlog:safepoint,gc:file=" + file + ":time";
    }

    /**
     * Starts that log in this running JVM (what {@code jcmd <pid> VM.log} does), so the bench JVM's own stops, which
     * delay HBase and the load generator it hosts alike, are read the same way as the API's.
     */
    static void logThisJvm(Path file) throws JMException {
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "vmLog", new Object[] {new String[] {"output=" + file, "what=safepoint,gc", "decorators=time"}},
                new String[] {String[].class.getName()});
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern DECORATION = Pattern.compile("^\\[([^\\]]+)\\]");
    private static final Pattern SAFEPOINT_TOTAL = Pattern.compile("Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private static final Pattern STALL = Pattern.compile("Allocation Stall \\(.*\\) ([0-9.]+)ms");

    /** The pauses logged in {@code file} between {@code from} and {@code to}; none when the file does not exist. */
    static JvmPauses in(Path file, Instant from, Instant to) throws IOException {
        if (!Files.exists(file)) {
            return new JvmPauses(0, 0, 0, "none", 0, 0);
        }
        List<String> lines = Files.readAllLines(file);
        int safepoints = 0;
        int stalls = 0;
        double total = 0;
        double max = 0;
        double stalled = 0;
        String longest = "none";
        for (String line : lines) {
            Instant at = time(line);
            if (at == null || at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            Matcher safepoint = SAFEPOINT_TOTAL.matcher(line);
            if (safepoint.find()) {
                double millis = Long.parseLong(safepoint.group(2)) / 1e6;
                safepoints++;
                total += millis;
                if (millis > max) {
                    max = millis;
                    longest = safepoint.group(1);
                }
                continue;
            }
            Matcher stall = STALL.matcher(line);
            if (stall.find()) {
                stalls++;
                stalled += Double.parseDouble(stall.group(1));
            }
        }
        return new JvmPauses(safepoints, total, max, longest, stalls, stalled);
    }

    /** One line for a bench note. */
    String summary() {
        return String.format("%d, total %.1f ms, longest %.2f ms (%s); allocation stalls %d (%.1f ms)", safepoints,
                totalMillis, maxMillis, longest, allocationStalls, stallMillis);
    }

    private static Instant time(String line) {
        Matcher m = DECORATION.matcher(line);
        if (!m.find()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(m.group(1), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
