package io.tradewind.speed.ingest;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Passes every Kafka record on as bytes: parsing happens in {@link EventDecoder}, where a bad record becomes a dead
 * letter. A deserializer that threw here would fail the job on the first poison record, over and over.
 */
public final class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        out.collect(new RawEvent(record.topic(), record.partition(), record.offset(), record.key(),
                record.value() == null ? new byte[0] : record.value()));
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
