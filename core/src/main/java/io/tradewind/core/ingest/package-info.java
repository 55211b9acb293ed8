/**
 * Declarative CSV import: one mapping file per source turns its rows into {@link
 * io.tradewind.core.event.BehaviourEvent}s, skips, or rejects.
 *
 * <h2>Mapping file format</h2>
 * JSON ({@code //} comments allowed, duplicate keys and unknown keys are errors). Built-in mappings live in
 * {@code src/main/resources/mappings/<source>.json}; any other file is loaded by path
 * ({@link io.tradewind.core.ingest.SourceMappings#load}).
 * <pre>
 * {
 *   "source": "online-retail",            // lower-case name; goes into every event and every event id
 *   "description": "...",                 // optional
 *   "csv": {"delimiter": ",",             // default ","; "\t" for tabs
 *           "header": true,               // default true; false needs "columns": [...]
 *           "columns": null},
 *   "rules": [                            // optional, in order; the first that holds decides
 *     {"when": CONDITION, "action": "skip" | "reject", "reason": "counted under this text"}
 *   ],
 *   "fields": {                           // event field -&gt; FIELD; null = known to be absent
 *     "userId": FIELD, "itemId": FIELD, "type": FIELD,          // required
 *     "timestamp": FIELD + "time": {"format": ..., "zone": ...}, // required
 *     "quantity", "unitPrice", "currency", "country", "category", "query", "itemTitle"   // optional
 *   }
 * }
 * CONDITION: {"column": "C", one of: "empty": true|false, "equals": "x", "in": ["x", "y"],
 *             "startsWith": "x", "matches": "regex"}       (on the trimmed value)
 * FIELD:     exactly one of
 *              {"column": "C"}                             the trimmed value; empty = absent
 *              {"constant": "GBP" | 1 | null}
 *              {"template": "{colA}-{colB}"}               absent if any part is empty
 *              {"cases": [{"when": CONDITION, "then": FIELD}, ...], "otherwise": FIELD}
 *            plus, except for constants, optional
 *              "transforms": ["integer" | "truncate" | "round" | "negate" | "abs" | "upper" | "lower", ...]
 *                                                          in order; integer refuses a real fraction, truncate
 *                                                          drops it (towards zero), round rounds half away from 0
 *              "map": {"pv": "VIEW", "x": null, ...}       value map; a value not in it rejects the row
 * time.format: "epoch-seconds" | "epoch-millis" (whole or with a fraction, e.g. 1396437466.94; sub-millisecond
 *              digits are dropped) | "iso-8601" (offset in the text, else "zone") |
 *              a java.time pattern such as "yyyy-MM-dd HH:mm:ss", which needs "zone" (e.g. "UTC")
 * </pre>
 * {@code eventId} and {@code source} cannot be mapped: ids are derived from source, raw row and the row's
 * occurrence number among identical rows ({@link io.tradewind.core.event.EventIds#forImportedRow}), which is what
 * makes re-imports idempotent.
 *
 * <h2>What becomes of a row</h2>
 * <ul>
 *   <li>{@code Skipped(reason)}: a {@code skip} rule matched: not an event by policy (e.g. no customer).</li>
 *   <li>{@code Rejected(reason, detail)}: a {@code reject} rule matched, the row has the wrong number of columns
 *       ({@code malformed row}), a value cannot be converted or the {@link io.tradewind.core.event.EventValidator}
 *       refuses the event ({@code invalid <field>}).</li>
 *   <li>{@code Mapped(event)}: everything else.</li>
 * </ul>
 * Recipes for common log shapes (tab or any one-character delimiter, epoch seconds or milliseconds with or
 * without a fraction, a constant event type, a header-less file, a session id standing in for a user id) are in
 * the README, each with a test in {@code LogShapeMappingTest}.
 *
 * <p>A mapping that cannot work (unknown field or key, bad time format or zone, type value that is no event type,
 * column missing from the input's header) throws {@link io.tradewind.core.ingest.MappingException} before any
 * row is mapped.
 */
package io.tradewind.core.ingest;
