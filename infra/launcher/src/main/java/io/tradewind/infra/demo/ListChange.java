package io.tradewind.infra.demo;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Prints a shopper's list before and after their events, marking with {@code +} what the events brought in. */
final class ListChange {
    private static final int TITLE_WIDTH = 36;

    private ListChange() {
    }

    static void printBefore(List<ShopperList.Entry> before, PrintStream out) {
        out.println("    before:");
        before.forEach(e -> out.println(line(" ", e)));
    }

    static void printAfter(List<ShopperList.Entry> before, List<ShopperList.Entry> after, PrintStream out) {
        Set<String> earlier = new HashSet<>();
        before.forEach(e -> earlier.add(e.item()));
        long added = after.stream().filter(e -> !earlier.contains(e.item())).count();
        out.println("    after (" + (added == 0 ? "no new items" : "+ = new, " + added + " of " + after.size()) + "):");
        after.forEach(e -> out.println(line(earlier.contains(e.item()) ? " " : "+", e)));
    }

    private static String line(String mark, ShopperList.Entry e) {
        String title = e.title() == null ? "" : e.title().strip();
        if (title.length() > TITLE_WIDTH) {
            title = title.substring(0, TITLE_WIDTH - 1) + "…";
        }
        return String.format("      %s %-10s %-" + TITLE_WIDTH + "s %s: %s", mark, e.item(), title, e.source(), e.because());
    }
}
