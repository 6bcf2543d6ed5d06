package net.historyarchive.systemtests.shutdown;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service and a load balancer do for the pods behind them, in miniature: sends
 * each request to one of the instances whose readiness ({@code /q/health/ready}) last answered 200,
 * polled every 100 ms. An instance leaves the rotation when its readiness answers "down", which a
 * gracefully stopping Quarkus does at the start of its shutdown delay, while still serving, or when
 * {@value #FAILURE_THRESHOLD} probes in a row get no answer (Kubernetes' default failureThreshold:
 * one probe timing out on a busy machine does not take a serving pod out; CI saw that happen).
 */
final class ReadinessBalancer implements AutoCloseable {

    private final List<Integer> ports;
    private static final int FAILURE_THRESHOLD = 3;

    private final Map<Integer, Boolean> ready = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> unanswered = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readiness-poller");
        t.setDaemon(true);
        return t;
    });

    ReadinessBalancer(List<Integer> ports) {
        this.ports = List.copyOf(ports);
        ports.forEach(p -> ready.put(p, false));
        // Once before the first request can be sent, then in the background.
        poll();
        poller.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        for (int port : ports) {
            Boolean answer = probe(port);
            if (answer != null) {
                unanswered.put(port, 0);
                ready.put(port, answer);
            } else if (unanswered.merge(port, 1, Integer::sum) >= FAILURE_THRESHOLD) {
                ready.put(port, false);
            }
        }
    }

    boolean isReady(int port) {
        return Boolean.TRUE.equals(probe(port));
    }

    /** Whether readiness answered "up", or null when it did not answer at all. */
    private Boolean probe(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A ready instance's port, round robin; fails when none is ready (that would be an outage). */
    int pick() {
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
            if (ready.get(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no instance is ready: " + ready);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
