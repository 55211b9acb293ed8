package io.tradewind.core.eval;

/**
 * One kept purchase line (an interaction) of the Online Retail data.
 *
 * @param user      CustomerID as an integer string ("17850.0" becomes "17850")
 * @param item      StockCode as written (case kept)
 * @param invoice   InvoiceNo, the basket key
 * @param timestamp InvoiceDate as a local time stamp, in millis since 1970-01-01T00:00 of the same (unnamed)
 *                  zone: no shift, so comparisons match the local time stamps
 */
public record Purchase(String user, String item, String invoice, long timestamp) {
}
