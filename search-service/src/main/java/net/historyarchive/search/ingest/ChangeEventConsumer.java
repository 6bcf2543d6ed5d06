package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;

/**
 * Reads the catalog's change topic into the view. Each poll is one bulk request to the engine
 * (only the newest version per document; the engine refuses anything not newer than what it
 * holds) and offsets are committed only after the engine acknowledged the whole batch, so a crash
 * replays events rather than losing them. Events that can never be applied go to the dead-letter
 * topic and are counted; they do not stop the stream. If the engine is unreachable, the consumer
 * starts again from the last committed offsets a little later.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeEventConsumer.class);

    private final IngestConfig config;
    private final String bootstrapServers;
    private final ViewWriter view;
    private final EventDecoder decoder;
    private final IngestStatus status;

    private volatile boolean running;
    /** False after a failure until the consumer is subscribed again: readiness reports it. */
    private volatile boolean connected;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private final MeterRegistry registry;

    public ChangeEventConsumer(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               ViewWriter view, ObjectMapper json, IngestStatus status, MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.view = view;
        this.decoder = new EventDecoder(json);
        this.status = status;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) throws java.io.IOException {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "change-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = newConsumer(); DeadLetters deadLetters = new DeadLetters(bootstrapServers, config.deadLetterTopic());
                 KafkaClientMetrics metrics = new KafkaClientMetrics(kafka)) {
                metrics.bindTo(registry); // kafka_consumer_*: fetch rates, lag, commit latency, in /q/metrics
                consumer = kafka;
                kafka.subscribe(java.util.List.of(config.topic()));
                connected = true;
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        applyBatch(records, deadLetters);
                        kafka.commitSync();
                    }
                    updateLag(kafka);
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                connected = false;
                if (running) {
                    LOG.warnf(e, "Change event consumer failed; restarting from the last committed offsets in 2 s");
                    sleep();
                }
            }
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
        ApplyResult result = view.apply(batch.events());
        for (ApplyResult.Rejected rejected : result.rejected()) {
            ConsumerRecord<String, byte[]> record = batch.sources().get(rejected.documentId());
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), rejected.reason());
            deadLetters.send(record, rejected.reason());
            status.deadLettered();
        }
        status.applied(result.applied(), batch.newestTime());
    }

    /** Whether the consumer runs and is subscribed (or consuming is switched off). */
    public boolean healthy() {
        return !config.enabled() || running && connected;
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
        status.lag(total);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.maxPartitionFetchBytes(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.sessionTimeout().toMillis() / 3),
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
