package net.historyarchive.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenSearchServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Folding and stemming come from analysis-common, the scaled_float from mapper-extras. */
    private static final String ARCHIVE_INDEX = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
               "analysis": {"analyzer": {"folded_english": {"type": "custom", "tokenizer": "standard",
                 "filter": ["lowercase", "asciifolding", "porter_stem"]}}}},
             "mappings": {"properties": {
               "title": {"type": "text", "analyzer": "folded_english"},
               "weight": {"type": "scaled_float", "scaling_factor": 100}}}}
            """;

    @Test
    void temporaryNodeSearchesWithItsPluginsSurvivesAKillAndLeavesNothingBehind() throws Exception {
        Path home;
        try (OpenSearchServer node = OpenSearchServer.startTemporary()) {
            home = node.home();
            String url = node.url();
            int port = URI.create(url).getPort();
            assertThat(port).isBetween(1024, 32767);

            send(url, "PUT", "/letters", ARCHIVE_INDEX, 200);
            index(url, "letters", "1", "{\"title\": \"Khrushchëv meetings in Pyongyang\", \"weight\": 1.5}");
            assertThat(totalHits(url, "letters", "khrushchev meeting")).isEqualTo(1);
            // lang-painless: a script runs
            assertThat(send(url, "POST", "/_scripts/painless/_execute",
                    "{\"script\": {\"source\": \"params.a * params.b\", \"params\": {\"a\": 6, \"b\": 7}}}", 200))
                    .contains("\"result\":\"42\"");

            node.kill();
            assertThat(node.isRunning()).isFalse();
            assertThatThrownBy(() -> get(url, "/")).isInstanceOf(ConnectException.class);

            node.start();
            assertThat(node.url()).isEqualTo(url);
            assertThat(get(url, "/letters/_doc/1")).contains("\"found\":true");
            assertThat(totalHits(url, "letters", "khrushchev")).isEqualTo(1);
        }
        assertThat(home).doesNotExist();
    }

    @Test
    void persistentNodeKeepsItsDataOnItsPort(@TempDir Path dir) throws Exception {
        int port = PostgresServerTest.freePort();
        Path log = dir.resolve("logs/opensearch.log");
        Path data = dir.resolve("opensearch");
        try (OpenSearchServer node = OpenSearchServer.startPersistent(port, data, log)) {
            assertThat(node.url()).isEqualTo("http://127.0.0.1:" + port);
            index(node.url(), "kept", "1", "{\"title\": \"telegram\"}");
        }
        try (OpenSearchServer node = OpenSearchServer.startPersistent(port, data, log)) {
            assertThat(get(node.url(), "/kept/_doc/1")).contains("\"found\":true");
        }
        assertThat(data).isDirectory();
        assertThat(Files.readString(log)).contains("started");
    }

    /** Indexes one document and waits until it is searchable (refresh=wait_for). */
    static void index(String url, String index, String id, String document) throws Exception {
        send(url, "PUT", "/" + index + "/_doc/" + id + "?refresh=wait_for", document, 201);
    }

    static String get(String url, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Documents whose title matches all the words. */
    private static long totalHits(String url, String index, String words) throws Exception {
        String query = """
                {"query": {"match": {"title": {"query": %s, "operator": "and"}}}}
                """.formatted(JSON.writeValueAsString(words));
        JsonNode result = JSON.readTree(send(url, "POST", "/" + index + "/_search", query, 200));
        return result.path("hits").path("total").path("value").asLong();
    }

    private static String send(String url, String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
