package io.tradewind.serving.admin;

import java.util.Map;

/** One admin action: when, who (API key name), what, on what, and the outcome. */
public record AuditEntry(String at, String actor, String action, String target, Map<String, Object> details) {
}
