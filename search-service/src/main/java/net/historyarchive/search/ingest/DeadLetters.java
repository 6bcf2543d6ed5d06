package net.historyarchive.search.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sends events that can never be applied to the dead-letter topic, with where they came from and why. */
final class DeadLetters implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    DeadLetters(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // The catalog's events may be up to 16 MiB; a poison one must still fit in the dead-letter topic.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Returns once the dead letter is acknowledged, so the original's offset may then be committed. */
    void send(ConsumerRecord<String, byte[]> original, String reason) throws Exception {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, original.key(), original.value());
        letter.headers()
                .add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("dlq-original-topic", original.topic().getBytes(StandardCharsets.UTF_8))
                .add("dlq-original-partition", String.valueOf(original.partition()).getBytes(StandardCharsets.UTF_8))
                .add("dlq-original-offset", String.valueOf(original.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(letter).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
