package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.view.DocumentViewStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Measures how fast the view applies change events; prints figures, asserts nothing about time.
 * Not part of the normal test run (surefire does not pick up *Benchmark, and it needs a property):
 * <pre>
 * ./mvnw -pl search-service verify -Dtest=IngestBenchmark -Dingest.bench.events=20000
 * </pre>
 * {@code endToEnd}: events produced to the (single-partition test) topic as fast as the producer
 * can, timed until the consumer has applied the last one (one partition, so everything before it
 * is applied too): first N creates, then the same N documents updated to version 2.
 * {@code storeOnly}: the same kind of events, decoded beforehand, applied straight through
 * {@link DocumentViewStore#apply} in batches of 500 (the consumer's max.poll.records), so the
 * database's share shows on its own; the decoder (contract validation) is timed separately.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "ingest.bench.events", matches = "\\d+")
class IngestBenchmark {

    private static final int BATCH = 500;

    @Inject
    DocumentViewStore store;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    private final int events = Integer.getInteger("ingest.bench.events", 0);

    @Test
    void endToEnd() throws Exception {
        new CatalogEvents().close(); // the single-partition test topic exists
        SyntheticEvents synthetic = new SyntheticEvents(42);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024), new StringSerializer(), new StringSerializer())) {
            run("warm-up", producer, synthetic, ids(Math.min(events, 3000)), 1);
            List<UUID> ids = ids(events);
            run("creates", producer, synthetic, ids, 1);
            run("updates", producer, synthetic, ids, 2);
        }
    }

    private void run(String phase, KafkaProducer<String, String> producer, SyntheticEvents synthetic, List<UUID> ids, long version)
            throws Exception {
        List<String> values = new ArrayList<>(ids.size());
        long bytes = 0;
        for (UUID id : ids) {
            String value = synthetic.snapshotEvent(id, version);
            values.add(value);
            bytes += value.getBytes(StandardCharsets.UTF_8).length;
        }
        long start = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            producer.send(new ProducerRecord<>(CatalogEvents.TOPIC, ids.get(i).toString(), values.get(i)));
        }
        producer.flush();
        long produced = System.nanoTime();
        UUID last = ids.get(ids.size() - 1);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20)).until(() -> version(last) == version);
        long applied = System.nanoTime();
        System.out.printf("BENCH end-to-end %-8s %,d events (avg %,d bytes): produced in %.2f s, applied in %.2f s = %,.0f events/s%n",
                phase, ids.size(), bytes / ids.size(), (produced - start) / 1e9, (applied - start) / 1e9,
                ids.size() / ((applied - start) / 1e9));
    }

    @Test
    void storeOnly() throws Exception {
        SyntheticEvents synthetic = new SyntheticEvents(7);
        EventDecoder decoder = new EventDecoder(json);
        apply("warm-up", decode(decoder, synthetic, ids(Math.min(events, 3000)), 1, false));
        List<UUID> ids = ids(events);
        apply("creates", decode(decoder, synthetic, ids, 1, true));
        apply("updates", decode(decoder, synthetic, ids, 2, false));
    }

    private List<ChangeEvent> decode(EventDecoder decoder, SyntheticEvents synthetic, List<UUID> ids, long version, boolean report) {
        List<byte[]> values = new ArrayList<>();
        for (UUID id : ids) {
            values.add(synthetic.snapshotEvent(id, version).getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        List<ChangeEvent> decoded = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            decoded.add(decoder.decode(ids.get(i).toString(), values.get(i)));
        }
        long took = System.nanoTime() - start;
        if (report) {
            System.out.printf("BENCH decoder          %,d events decoded and validated in %.2f s = %,.0f events/s (one thread)%n",
                    ids.size(), took / 1e9, ids.size() / (took / 1e9));
        }
        return decoded;
    }

    private void apply(String phase, List<ChangeEvent> decoded) throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < decoded.size(); from += BATCH) {
            Map<UUID, ChangeEvent> batch = new LinkedHashMap<>();
            for (ChangeEvent e : decoded.subList(from, Math.min(decoded.size(), from + BATCH))) {
                batch.put(e.documentId(), e);
            }
            store.apply(batch.values());
        }
        long took = System.nanoTime() - start;
        System.out.printf("BENCH store-only %-8s %,d events in batches of %d: %.2f s = %,.0f events/s%n",
                phase, decoded.size(), BATCH, took / 1e9, decoded.size() / (took / 1e9));
    }

    private long version(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT version FROM document_view WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
