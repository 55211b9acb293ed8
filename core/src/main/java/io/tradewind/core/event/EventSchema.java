package io.tradewind.core.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** The one schema file that is the contract for master-data-set files and Kafka topics. */
public final class EventSchema {
    public static final String RESOURCE = "/schema/behaviour-event.avsc";

    private static final Schema SCHEMA = load();

    private EventSchema() {
    }

    public static Schema avro() {
        return SCHEMA;
    }

    private static Schema load() {
        try (InputStream in = EventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("event schema " + RESOURCE + " missing from the class path");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event schema " + RESOURCE, e);
        }
    }
}
