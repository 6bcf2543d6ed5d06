package net.historyarchive.infra.bench;

import net.historyarchive.infra.DevToken;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the outbox relay against a running catalog and Kafka (e.g. ./archive run):
 * <ol>
 *   <li>latency: documents created at a steady rate through the API; for each, the time from the
 *   201 answer (the commit) until a consumer reads its event from the topic;</li>
 *   <li>throughput: a bulk import of many documents commits at once, and the relay's drain rate is
 *   the events per second until the last one is readable.</li>
 * </ol>
 * <pre>RelayBenchmark [rate=200] [seconds=30] [drainCount=50000] [catalog=http://localhost:18080] [kafka=localhost:19092]</pre>
 */
public final class RelayBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String TOPIC = "archive.documents.v1";

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int drainCount = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        String catalog = args.length > 3 ? args[3] : "http://localhost:18080";
        String kafka = args.length > 4 ? args[4] : "localhost:19092";

        String token = "Bearer " + DevToken.mint("relay-benchmark", List.of("archivist"), Duration.ofHours(1));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> firstReadAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        List<Long> receivedAt = Collections.synchronizedList(new ArrayList<>());

        Thread consumer = new Thread(() -> consume(kafka, firstReadAt, receivedAt, consuming), "bench-consumer");
        consumer.start();
        Thread.sleep(3000); // let the consumer join and position at the end of the topic

        // 1. Latency at a steady write rate.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        SyntheticDocuments documents = new SyntheticDocuments(7);
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            String body = documents.nextLine();
            ticker.schedule(() -> http.sendAsync(HttpRequest.newBuilder(URI.create(catalog + "/api/v1/documents"))
                            .header("Content-Type", "application/json").header("Authorization", token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        long now = System.nanoTime();
                        Matcher m = ID.matcher(r.body());
                        if (r.statusCode() == 201 && m.find()) {
                            committedAt.put(m.group(1), now);
                        }
                    }), i * periodNanos, TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        waitUntil(() -> committedAt.keySet().stream().allMatch(firstReadAt::containsKey), Duration.ofSeconds(60));
        List<Long> latenciesMicros = new ArrayList<>();
        committedAt.forEach((id, committed) -> {
            Long read = firstReadAt.get(id);
            if (read != null) {
                // An event can be readable before the client has parsed the 201; that counts as 0.
                latenciesMicros.add(Math.max(0, (read - committed) / 1000));
            }
        });
        if (latenciesMicros.size() < total) {
            System.out.printf("warning: %d of %d writes succeeded and were read%n", latenciesMicros.size(), total);
        }
        report("commit-to-consumable latency at " + rate + " writes/s, " + latenciesMicros.size() + " events", latenciesMicros);

        // 2. Throughput: one bulk import commits drainCount documents; time until all are consumed.
        receivedAt.clear();
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (int i = 0; i < drainCount; i++) {
            ndjson.write(documents.nextLine().getBytes(StandardCharsets.UTF_8));
            ndjson.write('\n');
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(catalog + "/api/v1/documents/import"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", token)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        long importCommitted = System.nanoTime();
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + imported.statusCode());
        }
        waitUntil(() -> receivedAt.size() >= drainCount, Duration.ofMinutes(10));
        long last = Collections.max(receivedAt);
        double drainSeconds = (last - importCommitted) / 1e9;
        System.out.printf("relay drain: %,d events readable %.2f s after the import committed: %,.0f events/s%n",
                drainCount, drainSeconds, drainCount / drainSeconds);
        consuming.set(false);
        consumer.join();
        System.exit(0);
    }

    private static void consume(String kafka, Map<String, Long> firstReadAt, List<Long> receivedAt, AtomicBoolean running) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    if (record.value() == null) {
                        continue;
                    }
                    receivedAt.add(now);
                    firstReadAt.putIfAbsent(record.key(), now);
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

    private static void waitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
