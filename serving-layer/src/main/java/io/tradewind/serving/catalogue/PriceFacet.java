package io.tradewind.serving.catalogue;

/** A price band of the results: label such as {@code 2-5}, bounds ({@code to} exclusive, null when open), count. */
public record PriceFacet(String label, double from, Double to, long count) {
    static String label(double from, double to) {
        return Double.isFinite(to) ? format(from) + "-" + format(to) : format(from) + "+";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
