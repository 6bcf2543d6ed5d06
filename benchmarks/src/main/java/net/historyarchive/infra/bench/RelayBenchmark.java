package net.historyarchive.infra.bench;

import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the outbox relay against a running local stack (./archive run):
 * <ol>
 *   <li>latency at a steady write rate: documents created through the API at {@code rate}/s for
 *   {@code seconds}; reported server side as commit-to-published (the outbox row's occurred_at,
 *   set just before commit, to published_at, set right after Kafka's acknowledgement) and end to
 *   end as request-sent-to-consumable (until a Kafka consumer reads the event);</li>
 *   <li>throughput: one bulk import commits {@code drainCount} documents at once; the relay's rate
 *   is those events divided by the time from the import's answer until the last one is readable.</li>
 * </ol>
 * <pre>RelayBenchmark [rate=200] [seconds=30] [drainCount=50000] [catalog=http://localhost:18080]
 *                [kafka=localhost:19092] [jdbc=jdbc:postgresql://localhost:15432/catalog]</pre>
 */
public final class RelayBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** Both event lanes: the steady writes travel in the interactive one, the import in the bulk one. */
    private static final List<String> TOPICS = List.of("archive.documents.v1", "archive.documents.bulk.v1");

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int drainCount = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        String catalog = args.length > 3 ? args[3] : "http://localhost:18080";
        String kafka = args.length > 4 ? args[4] : "localhost:19092";
        String jdbc = args.length > 5 ? args[5] : "jdbc:postgresql://localhost:15432/catalog";

        String token = "Bearer " + DevToken.mint("relay-benchmark", List.of("archivist"), Duration.ofHours(1));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16)).build();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> firstReadAt = new ConcurrentHashMap<>();
        List<Long> readTimes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(kafka, firstReadAt, readTimes, consuming), "bench-consumer");
        consumer.start();
        Thread.sleep(3000); // the consumer joins and positions itself at the end of the topic

        Iterator<String> documents = new ArchiveCorpus(7).documents().iterator();
        int total = rate * seconds;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            String body = documents.next();
            ticker.schedule(() -> create(http, catalog, token, body, sentAt), i * periodNanos, TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        waitUntil(() -> sentAt.size() >= total, Duration.ofSeconds(30));
        waitUntil(() -> firstReadAt.keySet().containsAll(sentAt.keySet()), Duration.ofSeconds(60));
        if (sentAt.size() < total) {
            System.out.printf("warning: only %d of %d writes succeeded%n", sentAt.size(), total);
        }
        report("commit-to-published at " + rate + " writes/s (" + sentAt.size() + " events, server side)",
                publishDelaysMicros(jdbc, sentAt.keySet()));
        List<Long> endToEnd = new ArrayList<>();
        sentAt.forEach((id, sent) -> {
            Long read = firstReadAt.get(id);
            if (read != null) {
                endToEnd.add((read - sent) / 1000);
            }
        });
        report("request-sent-to-consumable at " + rate + " writes/s (end to end)", endToEnd);

        readTimes.clear();
        long committed = importAll(http, catalog, token, documents, drainCount);
        waitUntil(() -> readTimes.size() >= drainCount, Duration.ofMinutes(10));
        double drainSeconds = (Collections.max(readTimes) - committed) / 1e9;
        System.out.printf("relay throughput: %,d events readable %.2f s after the import committed: %,.0f events/s%n",
                readTimes.size(), drainSeconds, readTimes.size() / drainSeconds);
        consuming.set(false);
        consumer.join();
        System.exit(0);
    }

    private static void create(HttpClient http, String catalog, String token, String body, Map<String, Long> sentAt) {
        long sent = System.nanoTime();
        http.sendAsync(HttpRequest.newBuilder(URI.create(catalog + "/api/v1/documents"))
                        .header("Content-Type", "application/json").header("Authorization", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 201 && id.find()) {
                        sentAt.put(id.group(1), sent);
                    }
                });
    }

    /** @return System.nanoTime() when the import's answer arrived (its transaction had committed) */
    private static long importAll(HttpClient http, String catalog, String token, Iterator<String> documents, int count)
            throws Exception {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            ndjson.write(documents.next().getBytes(StandardCharsets.UTF_8));
            ndjson.write('\n');
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(catalog + "/api/v1/documents/import"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", token)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import failed: HTTP " + imported.statusCode());
        }
        return System.nanoTime();
    }

    private static List<Long> publishDelaysMicros(String jdbc, Collection<String> ids) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (extract(epoch FROM published_at - occurred_at) * 1000000)::bigint
                     FROM outbox_event WHERE aggregate_id = ANY (?) AND published_at IS NOT NULL""")) {
            Array array = connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            query.setArray(1, array);
            List<Long> delays = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    delays.add(rs.getLong(1));
                }
            }
            return delays;
        }
    }

    private static void consume(String kafka, Map<String, Long> firstReadAt, List<Long> readTimes, AtomicBoolean running) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(TOPICS);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    if (record.value() != null) {
                        long now = System.nanoTime();
                        readTimes.add(now);
                        firstReadAt.putIfAbsent(record.key(), now);
                    }
                }
            }
        }
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static void waitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
