package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.historyarchive.search.view.DocumentViewStore;
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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads the catalog's change topic into the view. Each poll is applied as one database
 * transaction of a few set-based statements (only the newest version per document; the store
 * ignores anything not newer than what it holds) and offsets are committed only after that
 * transaction commits, so a crash
 * replays events rather than losing them. Events that can never be applied go to the dead-letter
 * topic and are counted; they do not stop the stream.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeEventConsumer.class);

    private final IngestConfig config;
    private final String bootstrapServers;
    private final DocumentViewStore view;
    private final EventDecoder decoder;
    private final IngestStatus status;

    /** Held by the consumer from applying a poll until its offsets are committed; see {@link #pauseAtSafePoint}. */
    private final ReentrantLock safePoint = new ReentrantLock(true);
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ChangeEventConsumer(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               DocumentViewStore view, ObjectMapper json, IngestStatus status) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.view = view;
        this.decoder = new EventDecoder(json);
        this.status = status;
    }

    void onStart(@Observes StartupEvent event) {
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
            try (KafkaConsumer<String, byte[]> kafka = newConsumer(); DeadLetters deadLetters = new DeadLetters(bootstrapServers, config.deadLetterTopic())) {
                consumer = kafka;
                kafka.subscribe(java.util.List.of(config.topic()));
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        if (!enterSafePoint()) {
                            return;
                        }
                        try {
                            applyBatch(records, deadLetters);
                            kafka.commitSync();
                        } finally {
                            safePoint.unlock();
                        }
                    }
                    updateLag(kafka);
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
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
        view.apply(batch.events());
        status.applied(batch.newest().size(), batch.newestTime());
    }

    /**
     * Waits until this replica's consumer is between batches (its last transaction and offset
     * commit done) and keeps it there until {@link #resume()}, called from the same thread.
     * Returns false if that did not happen within the timeout. While paused the consumer does not
     * poll; a pause longer than max.poll.interval.ms costs a rebalance, not correctness.
     */
    public boolean pauseAtSafePoint(Duration timeout) throws InterruptedException {
        return safePoint.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void resume() {
        safePoint.unlock();
    }

    /** False when the service is stopping. */
    private boolean enterSafePoint() throws InterruptedException {
        while (running) {
            if (safePoint.tryLock(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
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
