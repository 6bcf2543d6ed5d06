package net.historyarchive.infra.bench.soak;

import net.historyarchive.infra.bench.suite.Rss;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A service's resident memory (from /proc) and used heap (from its Prometheus metrics) right now. */
record ServiceMemory(long rssBytes, long heapBytes) {

    static ServiceMemory of(HttpClient http, long pid, String serviceUrl) {
        return new ServiceMemory(Rss.bytes(pid), heapUsed(http, serviceUrl));
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap pools; -1 when unavailable. */
    static long heapUsed(HttpClient http, String serviceUrl) {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return -1;
            }
            double sum = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (Exception e) {
            return -1;
        }
    }
}
