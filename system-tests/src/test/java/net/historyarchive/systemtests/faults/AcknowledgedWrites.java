package net.historyarchive.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.DevToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of creates, title updates and deletes through the catalog API that keeps going
 * through outages: a write that fails is simply not acknowledged. Every 2xx is recorded with the
 * version the catalog answered, so the test can check that nothing acknowledged was lost. When a
 * failed write may still have committed (its answer was lost), the next write's 412 shows it and
 * the writer re-reads the document.
 */
final class AcknowledgedWrites implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String bearer = "Bearer " + DevToken.mint("fault-test-archivist", List.of("archivist"), Duration.ofHours(2));
    private final Random random;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-writer");
        t.setDaemon(true);
        return t;
    });
    /** Acknowledged state: id to the version of the last 2xx write. */
    private final Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
    /** Documents whose deletion the catalog acknowledged (204). */
    private final Set<UUID> acknowledgedDeletions = ConcurrentHashMap.newKeySet();
    /** Deletions that got no answer: they may have committed, so the document may or may not exist. */
    private final Set<UUID> unansweredDeletions = ConcurrentHashMap.newKeySet();
    /** What the writer works on: id to the version it believes current. */
    private final List<UUID> working = new ArrayList<>(); // writer thread only
    private final Map<UUID, Long> believed = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    /** Answers of 500 (a bug, where an outage should be a 503) with what was written. */
    private final List<String> internalErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean paused;

    AcknowledgedWrites(int catalogPort, long seed) {
        this.base = "http://localhost:" + catalogPort + "/api/v1/documents";
        this.random = new Random(seed);
    }

    void start(long periodMillis) {
        thread.scheduleWithFixedDelay(this::writeOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    int acknowledgedWrites() {
        return acks.get();
    }

    int failedWrites() {
        return failures.get();
    }

    List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    Map<UUID, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<UUID> acknowledgedDeletions() {
        return Set.copyOf(acknowledgedDeletions);
    }

    /**
     * Stops writing after the write in progress, so the view can catch up: while writes go on, the
     * view is always a few changes behind the catalog, by design.
     */
    void pause() {
        paused = true;
        writing.lock();
        writing.unlock();
    }

    void resume() {
        paused = false;
    }

    private void writeOnce() {
        if (paused || !writing.tryLock()) {
            return;
        }
        try {
            if (!paused) {
                writeAny();
            }
        } finally {
            writing.unlock();
        }
    }

    private void writeAny() {
        try {
            double dice = random.nextDouble();
            if (working.size() < 5 || dice < 0.45) {
                create();
            } else if (dice < 0.9) {
                update(working.get(random.nextInt(working.size())));
            } else {
                delete(working.get(random.nextInt(working.size())));
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet(); // not acknowledged: no promise to check
        }
    }

    private void create() {
        String body = "{\"title\":\"Fault test telegram " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
                + "\",\"summary\":\"Written by the fault-injection suite.\",\"documentType\":\"TELEGRAM\",\"languages\":[\"ru\"],\"date\":{\"start\":\"1956-09-26\",\"precision\":\"DAY\"}}";
        HttpResponse<String> reply = send("POST", URI.create(base), null, body, "application/json");
        if (reply.statusCode() == 201) {
            JsonNode doc = json(reply);
            UUID id = UUID.fromString(doc.path("id").asText());
            acknowledge(id, doc.path("version").asLong());
            working.add(id);
        } else {
            failures.incrementAndGet();
        }
    }

    private void update(UUID id) {
        String body = "{\"title\":\"Fault test memorandum " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "\"}";
        HttpResponse<String> reply = send("PATCH", URI.create(base + "/" + id), believed.get(id), body, "application/merge-patch+json");
        if (reply.statusCode() == 200) {
            acknowledge(id, json(reply).path("version").asLong());
        } else {
            failures.incrementAndGet();
            resyncIfChanged(id, reply.statusCode());
        }
    }

    private void delete(UUID id) {
        unansweredDeletions.add(id); // until the catalog answers
        HttpResponse<String> reply = send("DELETE", URI.create(base + "/" + id), believed.get(id), null, null);
        if (reply.statusCode() != 204 && reply.statusCode() < 500) {
            unansweredDeletions.remove(id); // refused: did not happen
        }
        if (reply.statusCode() == 204) {
            unansweredDeletions.remove(id);
            acknowledgedDeletions.add(id);
            acknowledged.remove(id);
            believed.remove(id);
            working.remove(id);
            acks.incrementAndGet();
        } else {
            failures.incrementAndGet();
            resyncIfChanged(id, reply.statusCode());
        }
    }

    Set<UUID> unansweredDeletions() {
        return Set.copyOf(unansweredDeletions);
    }

    /** 412: an earlier write whose answer was lost did commit; 404: so did a deletion. */
    private void resyncIfChanged(UUID id, int status) {
        if (status != 412 && status != 404) {
            return;
        }
        HttpResponse<String> current = send("GET", URI.create(base + "/" + id), null, null, null);
        if (current.statusCode() == 200) {
            believed.put(id, json(current).path("version").asLong());
        } else if (current.statusCode() == 404) {
            believed.remove(id);
            working.remove(id);
        }
    }

    private void acknowledge(UUID id, long version) {
        acknowledged.put(id, version);
        believed.put(id, version);
        acks.incrementAndGet();
    }

    private HttpResponse<String> send(String method, URI uri, Long ifMatch, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", bearer).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 500) {
                internalErrors.add(method + " " + uri.getPath() + ": " + reply.body());
            }
            return reply;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops after the write in progress. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
