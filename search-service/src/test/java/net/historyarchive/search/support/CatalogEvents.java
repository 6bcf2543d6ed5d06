package net.historyarchive.search.support;

import net.historyarchive.infra.ArchiveInfraResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Plays the catalog in tests: sends events built from the contract's example files (the same
 * files catalog-service's tests validate its real events against) to the change topic.
 */
public final class CatalogEvents implements AutoCloseable {

    /** The interactive lane's topic. */
    public static final String TOPIC = "archive.documents.v1";
    /** The bulk lane's topic. */
    public static final String BULK_TOPIC = "archive.documents.bulk.v1";
    private static final String EXAMPLE_ID = "0193a2b4-6e00-7a11-8b22-3c4d5e6f7a8b";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public CatalogEvents() {
        this(TOPIC);
    }

    /** Plays the catalog on another topic, for a test profile whose search-service reads that one. */
    public CatalogEvents(String topic) {
        this.topic = topic;
        ensureSinglePartitionTopic(topic);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /**
     * In these tests the topic has a single partition, so events of different documents are also
     * consumed in the order sent, which lets a test know when an earlier event has been processed.
     */
    private static void ensureSinglePartitionTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers()))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            // a topic just created may not be in the broker's metadata yet (UnknownTopicOrPartition): ask again
            int partitions = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(topic).partitions().size(), n -> n > 0);
            if (partitions != 1) {
                throw new IllegalStateException("test topic " + topic + " has " + partitions + " partitions, expected 1");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example event (created, updated or deleted) rewritten for document {@code id}. */
    public static String example(String kind, UUID id) {
        try {
            return Files.readString(Path.of("..", "contracts", "examples", "document-" + kind + ".json"))
                    .replace(EXAMPLE_ID, id.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key == null ? null : key.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends many events at once (in this order) and returns when Kafka acknowledged all. */
    public void sendAll(java.util.LinkedHashMap<UUID, String> events) {
        try {
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>(events.size());
            events.forEach((key, value) -> acks.add(producer.send(new ProducerRecord<>(topic, key.toString(), value))));
            producer.flush();
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
