package io.tradewind.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's safepoints and stalls in a measured window, read from lines as JDK 17 writes them. */
class JvmPausesTest {
    @TempDir
    Path dir;

    @Test
    void countsTheSafepointsAndStallsInsideTheWindowOnly() throws IOException {
        Path log = dir.resolve("api-jvm.log");
        Files.write(log, List.of(
                "[2026-12-06T04:10:20.830+0000] Safepoint \"Cleanup\", Time since last: 1125639060 ns, Reaching "
                        + "safepoint: 20359 ns, Cleanup: 84702 ns, At safepoint: 5110 ns, Total: 110171 ns",
                "[2026-12-06T04:10:23.815+0000] Safepoint \"Cleanup\", Time since last: 1617896109 ns, Reaching "
                        + "safepoint: 3797955 ns, Cleanup: 132232 ns, At safepoint: 74309044 ns, Total: 78239231 ns",
                "[2026-12-06T04:10:25.035+0000] GC(0) Garbage Collection (Warmup) 104M(10%)->64M(6%)",
                "[2026-12-06T04:10:41.238+0000] Safepoint \"ZMarkStart\", Time since last: 955298355 ns, Reaching "
                        + "safepoint: 12787725 ns, Cleanup: 131781 ns, At safepoint: 3740996 ns, Total: 16660502 ns",
                "[2026-12-06T04:10:42.000+0000] Allocation Stall (XNIO-1 task-3) 12.500ms",
                "[2026-12-06T04:11:00.000+0000] Safepoint \"ZMarkEnd\", Time since last: 1 ns, Reaching safepoint: 1 ns, "
                        + "Cleanup: 1 ns, At safepoint: 1 ns, Total: 900000000 ns"));

        JvmPauses window = JvmPauses.in(log, Instant.parse("2026-12-06T04:10:21Z"), Instant.parse("2026-12-06T04:10:50Z"));

        assertEquals(2, window.safepoints(), "the first is before the window, the last after it");
        assertEquals(78.239231 + 16.660502, window.totalMillis(), 1e-6);
        assertEquals(78.239231, window.maxMillis(), 1e-6);
        assertEquals("Cleanup", window.longest());
        assertEquals(1, window.allocationStalls());
        assertEquals(12.5, window.stallMillis(), 1e-9);
    }

    @Test
    void noLogMeansNoPauses() throws IOException {
        JvmPauses none = JvmPauses.in(dir.resolve("missing.log"), Instant.EPOCH, Instant.now());
        assertEquals(0, none.safepoints());
        assertEquals("none", none.longest());
    }
}
