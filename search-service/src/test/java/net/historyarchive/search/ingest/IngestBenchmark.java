package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.search.admin.RebuildStatus;
import net.historyarchive.search.admin.ViewRebuilder;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.view.DocumentViewStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * {@code rebuild}: POST /api/v1/admin/rebuild's work over the whole topic, start to swap.
 * Each line also gives the CPU time PostgreSQL and the applying JVM thread spent per 1,000 events,
 * which other work on a shared machine disturbs far less than the wall-clock rate.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "ingest.bench.events", matches = "\\d+")
class IngestBenchmark {

    private static final int BATCH = 500;

    @Inject
    DocumentViewStore store;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    ViewRebuilder rebuilder;

    private final int events = Integer.getInteger("ingest.bench.events", 0);

    @Test
    @Order(2)
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
        long pgBefore = postgresCpu();
        long consumerBefore = CpuMeter.threadNanos("change-event-consumer");
        long start = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            producer.send(new ProducerRecord<>(CatalogEvents.TOPIC, ids.get(i).toString(), values.get(i)));
        }
        producer.flush();
        long produced = System.nanoTime();
        UUID last = ids.get(ids.size() - 1);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20)).until(() -> version(last) == version);
        long applied = System.nanoTime();
        System.out.printf("BENCH end-to-end %-8s %,d events (avg %,d bytes): produced in %.2f s, applied in %.2f s = %,.0f events/s; %s%n",
                phase, ids.size(), bytes / ids.size(), (produced - start) / 1e9, (applied - start) / 1e9,
                ids.size() / ((applied - start) / 1e9),
                cpu(ids.size(), postgresCpu() - pgBefore, CpuMeter.threadNanos("change-event-consumer") - consumerBefore, "consumer thread"));
    }

    /**
     * A rebuild of the whole view from the topic (everything the other runs of this JVM produced,
     * plus N more creates), timed from start to swap.
     */
    @Test
    @Order(3)
    void rebuild() throws Exception {
        new CatalogEvents().close();
        SyntheticEvents synthetic = new SyntheticEvents(99);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024), new StringSerializer(), new StringSerializer())) {
            run("(for the rebuild)", producer, synthetic, ids(events), 1);
        }
        long start = System.nanoTime();
        rebuilder.start();
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(50)).until(() -> rebuilder.status().state() != RebuildStatus.State.RUNNING);
        long took = System.nanoTime() - start;
        RebuildStatus status = rebuilder.status();
        System.out.printf("BENCH rebuild %s: %,d records read, %,d rows written in %.2f s = %,.0f records/s (error: %s)%n",
                status.state(), status.eventsRead(), status.documentsApplied(), took / 1e9, status.eventsRead() / (took / 1e9),
                status.error());
    }

    @Test
    @Order(1)
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
        long pgBefore = postgresCpu();
        long threadBefore = CpuMeter.currentThreadNanos();
        long start = System.nanoTime();
        for (int from = 0; from < decoded.size(); from += BATCH) {
            Map<UUID, ChangeEvent> batch = new LinkedHashMap<>();
            for (ChangeEvent e : decoded.subList(from, Math.min(decoded.size(), from + BATCH))) {
                batch.put(e.documentId(), e);
            }
            store.apply(batch.values());
        }
        long took = System.nanoTime() - start;
        System.out.printf("BENCH store-only %-8s %,d events in batches of %d: %.2f s = %,.0f events/s; %s%n",
                phase, decoded.size(), BATCH, took / 1e9, decoded.size() / (took / 1e9),
                cpu(decoded.size(), postgresCpu() - pgBefore, CpuMeter.currentThreadNanos() - threadBefore, "applying thread"));
    }

    /** CPU per event: contention on a shared machine stretches wall-clock time, not CPU time. */
    private static String cpu(int events, long postgresNanos, long jvmNanos, String jvmPart) {
        return String.format("CPU per 1,000 events: PostgreSQL %.0f ms + %s %.0f ms (= %,.0f events per CPU-second)",
                postgresNanos / 1e6 / events * 1000, jvmPart, jvmNanos / 1e6 / events * 1000,
                events / ((postgresNanos + jvmNanos) / 1e9));
    }

    private long postgresCpu() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return CpuMeter.postgresNanos(c);
        }
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
