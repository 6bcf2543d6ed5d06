package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads both lanes' change topics from their beginning, outside any consumer group (manual assignment,
 * nothing committed), for a rebuild of the view. It never dead-letters: a record it cannot decode
 * was (or will be) dead-lettered by the regular consumer, so it is only counted here.
 */
public final class TopicReplay implements AutoCloseable {

    /** Receives each poll's newest event per document. */
    @FunctionalInterface
    public interface BatchHandler {
        void apply(DecodedBatch batch) throws Exception;
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventDecoder decoder;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final List<TopicPartition> assigned = new ArrayList<>();
    private long recordsRead;
    private long poisonSkipped;

    public TopicReplay(String bootstrapServers, IngestConfig config, int maxPollRecords, int maxPartitionFetchBytes, ObjectMapper json) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The catalog creates its topics with their configuration; a consumer never does.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxPartitionFetchBytes,
                ConsumerConfig.CLIENT_ID_CONFIG, "search-view-rebuild"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.decoder = new EventDecoder(json);
        this.topics = List.of(EventLane.INTERACTIVE.topic(config), EventLane.BULK.topic(config));
        this.pollTimeout = config.pollTimeout();
    }

    /**
     * The current end of every partition of both lanes' topics. Partitions not read yet (all of
     * them the first time, or ones added since) are assigned and read from their beginning.
     */
    public Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        List<TopicPartition> added = partitions.stream().filter(p -> !assigned.contains(p)).toList();
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
        return consumer.endOffsets(assigned, Duration.ofSeconds(30));
    }

    /**
     * Reads until the position of every partition has reached the given offset, handing each
     * poll to the handler (a poll may also carry records beyond those offsets; applying them is
     * harmless).
     */
    public void readUntil(Map<TopicPartition, Long> end, BatchHandler handler) throws Exception {
        while (!reached(end)) {
            ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
            if (records.isEmpty()) {
                continue;
            }
            DecodedBatch batch = DecodedBatch.decode(decoder, records);
            recordsRead += batch.records();
            poisonSkipped += batch.poison().size();
            handler.apply(batch);
        }
    }

    /** Where reading stands now, to {@link #rewind} to if what is read next is rolled back. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, consumer.position(partition, Duration.ofSeconds(30)));
        }
        return positions;
    }

    public void rewind(Map<TopicPartition, Long> positions) {
        positions.forEach(consumer::seek);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            positions.put(e.getKey(), consumer.position(e.getKey(), Duration.ofSeconds(30)));
        }
        return end.entrySet().stream().allMatch(e -> positions.get(e.getKey()) >= e.getValue());
    }

    /** Interrupts a blocking poll from another thread (the rebuild is being cancelled). */
    public void wakeup() {
        consumer.wakeup();
    }

    public long recordsRead() {
        return recordsRead;
    }

    public long poisonSkipped() {
        return poisonSkipped;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
