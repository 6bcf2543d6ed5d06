package net.historyarchive.catalog.outbox;

import net.historyarchive.infra.ArchiveInfraResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a change topic (by default the interactive lane's) from the beginning with a fresh consumer group, as a new subscriber would. */
final class TopicReader implements AutoCloseable {

    static final String TOPIC = "archive.documents.v1";
    static final String BULK_TOPIC = "archive.documents.bulk.v1";

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    TopicReader() {
        this(TOPIC);
    }

    TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and returns every record read so far whose key is {@code key}, in topic order. */
    List<ConsumerRecord<String, String>> recordsFor(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
