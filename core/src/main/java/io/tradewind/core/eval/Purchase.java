package io.tradewind.core.eval;

/**
 * One purchase line (an interaction) of the Online Retail data, or one return line (a cancellation invoice's line,
 * which the protocol drops and the models' training inputs net out).
 *
 * @param user      CustomerID as an integer string ("17850.0" becomes "17850")
 * @param item      StockCode as written (case kept)
 * @param invoice   InvoiceNo, the basket key
 * @param timestamp InvoiceDate as a local time stamp, in millis since 1970-01-01T00:00 of the same (unnamed)
 *                  zone: no shift, so comparisons match the local time stamps
 * @param quantity  units of the line, positive for purchases and returns alike (a return's units are taken back)
 */
public record Purchase(String user, String item, String invoice, long timestamp, long quantity) {

    /** A line of one unit: where quantities do not matter (no returns to net). */
    public Purchase(String user, String item, String invoice, long timestamp) {
        this(user, item, invoice, timestamp, 1);
    }
}
