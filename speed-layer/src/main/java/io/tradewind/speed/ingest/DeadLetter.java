package io.tradewind.speed.ingest;

/**
 * A record the speed layer refused, with why: the original payload (text if it was UTF-8, else base64 and
 * {@code payloadBase64} set), where it came from and when it was refused. Written to the dead-letter topic so an
 * operator can fix and replay it; nothing is dropped in silence.
 */
public record DeadLetter(String reason, String origin, String key, String payload, boolean payloadBase64,
                         long refusedAtMillis) {
}
