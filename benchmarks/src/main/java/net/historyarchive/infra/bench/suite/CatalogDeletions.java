package net.historyarchive.infra.bench.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes the documents a benchmark created, so that the stack holds the corpus alone again and
 * the next benchmark counts what it expects: at most 8 deletions in flight, failed ones retried
 * (a loaded machine times some out), then waits until the view no longer finds them.
 */
public final class CatalogDeletions {

    private static final int IN_FLIGHT = 8;
    private static final int ATTEMPTS = 3;

    private final HttpClient http;
    private final String catalogUrl;
    private final String token;

    public CatalogDeletions(HttpClient http, String catalogUrl, String token) {
        this.http = http;
        this.catalogUrl = catalogUrl;
        this.token = token;
    }

    /** Deletes {@code ids} (each at version 1, as created) and waits for the view; says on stdout what failed. */
    public void deleteAndAwaitView(List<UUID> ids, OpenSearchNode view) throws Exception {
        if (ids.isEmpty()) {
            return;
        }
        System.out.printf("[bench] deleting the %,d documents this benchmark created%n", ids.size());
        Map<String, AtomicInteger> causes = new ConcurrentHashMap<>();
        List<UUID> remaining = ids;
        for (int attempt = 1; attempt <= ATTEMPTS && !remaining.isEmpty(); attempt++) {
            remaining = deleteOnce(remaining, causes);
        }
        if (!causes.isEmpty()) {
            System.out.println("[bench] failed deletions by cause (each retried up to " + ATTEMPTS + " times): " + new TreeMap<>(causes)
                    + "; not deleted in the end: " + remaining.size());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int from = 0; from < ids.size(); from += 10_000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 10_000));
            while (view.countSearchable(chunk) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    /** Answers the ids whose deletion failed; a 404 counts as deleted. */
    private List<UUID> deleteOnce(List<UUID> ids, Map<String, AtomicInteger> causes) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<UUID> failed = Collections.synchronizedList(new ArrayList<>());
        for (UUID id : ids) {
            inFlight.acquire();
            http.sendAsync(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/documents/" + id))
                            .header("Authorization", token).header("If-Match", "\"1\"").timeout(Duration.ofMinutes(1)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e != null || (r.statusCode() / 100 != 2 && r.statusCode() != 404)) {
                            failed.add(id);
                            causes.computeIfAbsent(e != null ? Http.rootCause(e) : "HTTP " + r.statusCode(), c -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(IN_FLIGHT);
        return new ArrayList<>(failed);
    }
}
