package net.historyarchive.infra.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a second, where interactive changes wait on their way to the view: the age of the oldest
 * interactive outbox row the catalog's relay has not published yet (its metric
 * {@code outbox_backlog_oldest_age_seconds}, refreshed every 5 s), and the age of the oldest
 * interactive event search-service has not applied yet ({@code /api/v1/freshness}); and the bulk
 * lane's backlog on both sides. What is left of a write's delay after both is the node's: the
 * write itself and the refresh that makes it searchable.
 */
final class LaneSampler implements AutoCloseable {

    /** One sample, taken {@code at} ns after the phase began; -1 where the service did not answer. */
    record Sample(long at, double outboxOldestSeconds, double consumerOldestSeconds, long bulkOutboxRows, long bulkConsumerLag) {
    }

    private static final Pattern METRIC = Pattern.compile("^(outbox_backlog_oldest_age_seconds|outbox_backlog_rows)\\{lane=\"(\\w+)\"} ([-0-9.E]+)$",
            Pattern.MULTILINE);

    private final StackInfo stack;
    private final HttpClient http;
    private final long phaseStart;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "freshness-lanes");
        t.setDaemon(true);
        return t;
    });

    LaneSampler(StackInfo stack, HttpClient http, long phaseStart) {
        this.stack = stack;
        this.http = http;
        this.phaseStart = phaseStart;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void sample() {
        long at = System.nanoTime() - phaseStart;
        double outboxOldest = -1;
        long bulkRows = -1;
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = METRIC.matcher(metrics);
            while (m.find()) {
                if (m.group(1).equals("outbox_backlog_oldest_age_seconds") && m.group(2).equals("interactive")) {
                    outboxOldest = Double.parseDouble(m.group(3));
                } else if (m.group(1).equals("outbox_backlog_rows") && m.group(2).equals("bulk")) {
                    bulkRows = (long) Double.parseDouble(m.group(3));
                }
            }
        } catch (Exception e) {
            // a busy catalog: no figure for this second
        }
        double consumerOldest = -1;
        long bulkLag = -1;
        try {
            JsonNode lanes = Http.getJson(http, stack.searchUrl() + "/api/v1/freshness").path("lanes");
            consumerOldest = lanes.path("interactive").path("oldestWaitingSeconds").asDouble(-1);
            bulkLag = lanes.path("bulk").path("consumerLag").asLong(-1);
        } catch (Exception e) {
            // a busy search-service: no figure for this second
        }
        samples.add(new Sample(at, outboxOldest, consumerOldest, bulkRows, bulkLag));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
