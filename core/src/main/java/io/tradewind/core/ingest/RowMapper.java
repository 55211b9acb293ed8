package io.tradewind.core.ingest;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.event.EventValidator;
import java.util.List;
import java.util.Map;

/**
 * A {@link SourceMapping} bound to one input's header: turns each record into an event, a skip or a reject.
 * One instance per input file, because event ids count identical rows within that file.
 */
public final class RowMapper {
    private final SourceMapping mapping;
    private final Map<String, Integer> columnIndex;
    private final int width;
    private final ImportedRowIds ids;

    /** {@code width} is the header's column count: names may repeat (e.g. blank trailing columns). */
    RowMapper(SourceMapping mapping, Map<String, Integer> columnIndex, int width) {
        this.mapping = mapping;
        this.columnIndex = columnIndex;
        this.width = width;
        this.ids = new ImportedRowIds(mapping.name());
    }

    /**
     * @param values the record's values, one per header column
     * @param rawRow the record as CSV text; the event id is derived from it
     */
    public RowOutcome map(List<String> values, String rawRow) {
        if (values.size() != width) {
            return new RowOutcome.Rejected("malformed row", "expected " + width + " columns, got " + values.size());
        }
        Row row = new Row(columnIndex, values);
        for (RowRule rule : mapping.rules()) {
            if (rule.when().holds(row)) {
                return rule.action() == RowRule.Action.SKIP
                        ? new RowOutcome.Skipped(rule.reason())
                        : new RowOutcome.Rejected(rule.reason(), rule.when().description());
            }
        }
        BehaviourEvent event;
        try {
            event = toEvent(row, rawRow);
        } catch (FieldProblem p) {
            return new RowOutcome.Rejected("invalid " + p.field.jsonName, p.field.jsonName + columnsOf(p.field) + ": "
                    + p.getMessage());
        }
        List<String> problems = EventValidator.problems(event);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(':');
            return new RowOutcome.Rejected("invalid " + (colon > 0 ? first.substring(0, colon) : "event"),
                    String.join("; ", problems));
        }
        return new RowOutcome.Mapped(event);
    }

    /** Expected values per record: the header's width. */
    int width() {
        return width;
    }

    /** " (column 'time')" for a field read from columns, so a reject names where to look in the file. */
    private String columnsOf(EventField field) {
        ValueExpression expression = mapping.fields().get(field);
        if (expression == null || expression.columns().isEmpty()) {
            return "";
        }
        return expression.columns().stream().map(c -> "'" + c + "'")
                .collect(java.util.stream.Collectors.joining(", ", " (column ", ")"));
    }

    private BehaviourEvent toEvent(Row row, String rawRow) throws FieldProblem {
        String userId = text(EventField.USER_ID, row);
        String itemId = text(EventField.ITEM_ID, row);
        EventType type = type(row);
        long timestamp = timestamp(row);
        Integer quantity = quantity(row);
        Double unitPrice = unitPrice(row);
        return new BehaviourEvent(
                ids.next(rawRow),
                required(EventField.USER_ID, userId),
                itemId == null ? "" : itemId, // SEARCH events may lack an item; the validator decides
                type,
                timestamp,
                quantity == null ? 1 : quantity,
                unitPrice,
                text(EventField.CURRENCY, row),
                text(EventField.COUNTRY, row),
                text(EventField.CATEGORY, row),
                text(EventField.QUERY, row),
                text(EventField.ITEM_TITLE, row),
                mapping.name());
    }

    private String text(EventField field, Row row) throws FieldProblem {
        ValueExpression expression = mapping.fields().get(field);
        if (expression == null) {
            return null;
        }
        try {
            return expression.evaluate(row);
        } catch (RowProblem p) {
            throw new FieldProblem(field, p.getMessage());
        }
    }

    private static String required(EventField field, String value) throws FieldProblem {
        if (value == null) {
            throw new FieldProblem(field, "empty, but required");
        }
        return value;
    }

    private EventType type(Row row) throws FieldProblem {
        String name = required(EventField.TYPE, text(EventField.TYPE, row));
        return EventType.parse(name).orElseThrow(() -> new FieldProblem(EventField.TYPE,
                "'" + name + "' is not an event type (use a value map to translate source codes)"));
    }

    private long timestamp(Row row) throws FieldProblem {
        String text = required(EventField.TIMESTAMP, text(EventField.TIMESTAMP, row));
        try {
            return mapping.timeFormat().toEpochMillis(text);
        } catch (RowProblem p) {
            throw new FieldProblem(EventField.TIMESTAMP, p.getMessage());
        }
    }

    private Integer quantity(Row row) throws FieldProblem {
        String text = text(EventField.QUANTITY, row);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new FieldProblem(EventField.QUANTITY, "'" + text + "' is not a whole number");
        }
    }

    private Double unitPrice(Row row) throws FieldProblem {
        String text = text(EventField.UNIT_PRICE, row);
        if (text == null) {
            return null;
        }
        try {
            double price = Double.parseDouble(text);
            if (!Double.isFinite(price)) {
                throw new NumberFormatException();
            }
            return price;
        } catch (NumberFormatException e) {
            throw new FieldProblem(EventField.UNIT_PRICE, "'" + text + "' is not a number");
        }
    }

    /** A row problem tied to the field it spoils, so the reject reason can name the field. */
    private static final class FieldProblem extends Exception {
        final EventField field;

        FieldProblem(EventField field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
