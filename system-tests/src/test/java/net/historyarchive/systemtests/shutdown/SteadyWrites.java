package net.historyarchive.systemtests.shutdown;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Archivists at work: creates a document and reads it back, at a fixed rate, through a
 * {@link ReadinessBalancer}. Every answer other than the expected one, and every request that fails
 * on the wire, is recorded with what was sent where.
 */
final class SteadyWrites implements AutoCloseable {

    private final ReadinessBalancer balancer;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService writers;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> servedBy = new ConcurrentHashMap<>();

    SteadyWrites(ReadinessBalancer balancer, String bearer, int writersCount, Duration interval) {
        this.balancer = balancer;
        this.bearer = bearer;
        this.writers = Executors.newScheduledThreadPool(writersCount, r -> {
            Thread t = new Thread(r, "steady-writer");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < writersCount; i++) {
            writers.scheduleAtFixedRate(this::writeAndRead, i * 10L, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void writeAndRead() {
        int n = sequence.incrementAndGet();
        int port;
        try {
            port = balancer.pick();
        } catch (IllegalStateException e) {
            failures.add("request " + n + ": " + e.getMessage());
            return;
        }
        String body = "{\"title\": \"Shutdown test telegram " + n + "\", \"documentType\": \"TELEGRAM\", \"languages\": [\"ru\"]}";
        HttpRequest create = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", bearer).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                failures.add("POST to " + port + " (request " + n + "): " + created.statusCode() + " " + created.body());
                return;
            }
            URI location = URI.create("http://localhost:" + balancer.pick()).resolve(
                    URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() != 200) {
                failures.add("GET " + location + " (request " + n + "): " + read.statusCode() + " " + read.body());
                return;
            }
            servedBy.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
        } catch (Exception e) {
            failures.add("request " + n + " to " + port + " failed: " + e);
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Successful create-and-read rounds whose create went to this port. */
    int servedBy(int port) {
        AtomicInteger count = servedBy.get(port);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws InterruptedException {
        writers.shutdown();
        if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
    }
}
