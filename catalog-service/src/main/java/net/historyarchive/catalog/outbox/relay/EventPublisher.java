package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka as CloudEvents, keyed by document id, and waits until every one is
 * acknowledged by all in-sync replicas. The producer is idempotent, so its own retries neither
 * duplicate nor reorder records of a partition. A deletion is followed by a tombstone so that
 * compaction eventually drops the document's key.
 */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String source;
    private final ObjectMapper json;
    private final PublishTracing tracing;

    /** The producer's own metrics (kafka_producer_*: record rates, request latency, buffer, errors) in /q/metrics. */
    private final KafkaClientMetrics metrics;

    EventPublisher(String bootstrapServers, String topic, String source, ObjectMapper json, MeterRegistry registry,
                   PublishTracing tracing) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                // A document may be 4 MiB of JSON (archive.limits.max-json-body); leave room for escaping.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        this.topic = topic;
        this.source = source;
        this.json = json;
        this.tracing = tracing;
    }

    /** Publishes the rows in order; returns only when all are acknowledged, else throws. */
    void publish(List<OutboxRow> rows) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size() + 8);
        List<Span> spans = new ArrayList<>();
        try {
            for (OutboxRow row : rows) {
                String key = row.aggregateId().toString();
                ProducerRecord<String, byte[]> event = new ProducerRecord<>(topic, key, serialize(row));
                event.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                Span span = tracing.start(row, topic, event.headers());
                if (span != null) {
                    spans.add(span);
                }
                acks.add(sendOrFail(event));
                if (row.isDeletion()) {
                    acks.add(sendOrFail(new ProducerRecord<>(topic, key, null)));
                }
            }
            producer.flush();
            awaitAll(acks);
        } catch (Exception e) {
            PublishTracing.failed(spans, e);
            throw e;
        }
        PublishTracing.acknowledged(spans);
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) throws Exception {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                throw new TimeoutException("Kafka did not acknowledge within 30 s");
            }
        }
    }

    /**
     * send() blocks up to max.block.ms while the topic's metadata is unknown (broker unreachable)
     * and then returns an already failed future. Carrying on with the rest of the batch would block
     * that long for every row: a round over a backlog of 1,000 rows would take hours. Fail the
     * round at the first such record instead; the relay backs off and tries again.
     */
    private Future<RecordMetadata> sendOrFail(ProducerRecord<String, byte[]> event) throws Exception {
        Future<RecordMetadata> ack = producer.send(event);
        if (ack.isDone()) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return ack;
    }

    private byte[] serialize(OutboxRow row) throws JsonProcessingException {
        return json.writeValueAsBytes(CloudEvent.of(row, source));
    }

    @Override
    public void close() {
        metrics.close();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
