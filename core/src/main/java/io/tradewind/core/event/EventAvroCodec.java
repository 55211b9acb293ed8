package io.tradewind.core.event;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Converts between {@link BehaviourEvent} and Avro records of {@link EventSchema}. */
public final class EventAvroCodec {
    private static final Schema SCHEMA = EventSchema.avro();
    private static final Schema TYPE_SCHEMA = SCHEMA.getField("type").schema();

    private EventAvroCodec() {
    }

    public static GenericRecord toRecord(BehaviourEvent e) {
        GenericData.Record r = new GenericData.Record(SCHEMA);
        r.put("eventId", e.eventId());
        r.put("userId", e.userId());
        r.put("itemId", e.itemId());
        r.put("type", new GenericData.EnumSymbol(TYPE_SCHEMA, e.type().name()));
        r.put("timestamp", e.timestampMillis());
        r.put("quantity", e.quantity());
        r.put("unitPrice", e.unitPrice());
        r.put("currency", e.currency());
        r.put("country", e.country());
        r.put("category", e.category());
        r.put("query", e.query());
        r.put("itemTitle", e.itemTitle());
        r.put("source", e.source());
        return r;
    }

    public static BehaviourEvent fromRecord(GenericRecord r) {
        Object price = r.get("unitPrice");
        Object timestamp = r.get("timestamp");
        return new BehaviourEvent(
                str(r, "eventId"),
                str(r, "userId"),
                str(r, "itemId"),
                EventType.valueOf(r.get("type").toString()),
                timestamp instanceof java.time.Instant i ? i.toEpochMilli() : ((Number) timestamp).longValue(),
                ((Number) r.get("quantity")).intValue(),
                price == null ? null : ((Number) price).doubleValue(),
                str(r, "currency"),
                str(r, "country"),
                str(r, "category"),
                str(r, "query"),
                str(r, "itemTitle"),
                str(r, "source"));
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }
}
