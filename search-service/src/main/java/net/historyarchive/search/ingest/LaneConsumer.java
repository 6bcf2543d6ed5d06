package net.historyarchive.search.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import net.historyarchive.search.engine.ViewWriter;
import net.historyarchive.search.view.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one lane's topic into the view. Each poll is one batch to the engine (only the newest
 * version per document; the engine refuses anything not newer than what it holds) and offsets
 * are committed only after the engine acknowledged the whole batch, so a crash replays events
 * rather than losing them. Events that can never be applied go to the dead-letter topic and are
 * counted; they do not stop the stream. If the engine is unreachable, the consumer starts again
 * from the last committed offsets a little later.
 */
final class LaneConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(LaneConsumer.class);

    private final EventLane lane;
    private final IngestConfig config;
    private final String bootstrapServers;
    private final ViewWriter view;
    private final EventDecoder decoder;
    private final IngestStatus status;
    private final LanePriority priority;
    private final MeterRegistry registry;
    private final ApplyTracing tracing;

    private volatile boolean running = true;
    /** False after a failure until the consumer is subscribed again: readiness reports it. */
    private volatile boolean connected;
    private volatile KafkaConsumer<String, byte[]> consumer;

    LaneConsumer(EventLane lane, IngestConfig config, String bootstrapServers, ViewWriter view, EventDecoder decoder,
                 IngestStatus status, LanePriority priority, MeterRegistry registry, ApplyTracing tracing) {
        this.lane = lane;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.view = view;
        this.decoder = decoder;
        this.status = status;
        this.priority = priority;
        this.registry = registry;
        this.tracing = tracing;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = newConsumer(); DeadLetters deadLetters = new DeadLetters(bootstrapServers, config.deadLetterTopic());
                 KafkaClientMetrics metrics = new KafkaClientMetrics(kafka)) {
                metrics.bindTo(registry); // kafka_consumer_*: fetch rates, lag, commit latency, in /q/metrics
                consumer = kafka;
                kafka.subscribe(List.of(lane.topic(config)));
                connected = true;
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        applyInTurn(records, deadLetters);
                        kafka.commitSync();
                    }
                    updateLag(kafka);
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                connected = false;
                if (running) {
                    LOG.warnf(e, "Change event consumer (%s lane) failed; restarting from the last committed offsets in 2 s", lane.label());
                    sleep();
                }
            }
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    boolean healthy() {
        return running && connected;
    }

    private void applyInTurn(ConsumerRecords<String, byte[]> records, DeadLetters deadLetters) throws Exception {
        status.polled(lane, records.iterator().next().timestamp());
        if (lane == EventLane.BULK) {
            priority.awaitBulkTurn();
            applyBatch(records, deadLetters);
            return;
        }
        priority.interactiveStarted();
        try {
            applyBatch(records, deadLetters);
        } finally {
            priority.interactiveFinished();
        }
    }

    private void applyBatch(ConsumerRecords<String, byte[]> records, DeadLetters deadLetters) throws Exception {
        DecodedBatch batch = DecodedBatch.decode(decoder, records);
        for (DecodedBatch.Poison poison : batch.poison()) {
            ConsumerRecord<String, byte[]> record = poison.record();
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), poison.reason());
            deadLetters.send(record, poison.reason());
            status.deadLettered();
        }
        Map<UUID, Span> spans = tracing.start(batch);
        ApplyResult result;
        try {
            result = view.apply(batch.events(), visibility());
        } catch (Exception e) {
            ApplyTracing.failed(spans, e);
            throw e;
        }
        ApplyTracing.applied(spans, result);
        for (ApplyResult.Rejected rejected : result.rejected()) {
            ConsumerRecord<String, byte[]> record = batch.sources().get(rejected.documentId());
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), rejected.reason());
            deadLetters.send(record, rejected.reason());
            status.deadLettered();
        }
        status.applied(lane, result.applied(), batch.newestTime());
    }

    /**
     * An archivist's edit is searchable after the refresh the writer asks for at once (the lane does
     * not wait for it: its offsets need the write acknowledged, not refreshed); bulk work at the
     * index's next periodic refresh.
     */
    private ViewWriter.Visibility visibility() {
        return lane == EventLane.INTERACTIVE ? ViewWriter.Visibility.SOON : ViewWriter.Visibility.NEXT_REFRESH;
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            var lag = kafka.currentLag(partition);
            if (lag.isEmpty()) {
                return; // not known yet for some partition
            }
            total += lag.getAsLong();
        }
        status.lag(lane, total);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.ofEntries(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, lane.group(config)),
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, "search-view-" + lane.label()),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                // The catalog creates its topics with their configuration; a consumer never does.
                Map.entry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords()),
                Map.entry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.maxPartitionFetchBytes()),
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis()),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.sessionTimeout().toMillis() / 3)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
