package net.historyarchive.search.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP conventions of a public API, through HTTP: CORS for any origin on the reads (with
 * preflight) and writes for configured origins, compression, ETag / Cache-Control / 304, 405 with Allow, 414 and 431 as problem+json, and
 * request-duration histograms and Kafka client metrics in /q/metrics.
 */
@QuarkusTest
class HttpConventionsTest {

    private static final String ORIGIN = "https://historians.example.org";
    private static final String EDITOR = "https://editors.example.org";
    private static final String READ_PATH = "/api/v1/search";
    private static final String WRITE_PATH = "/api/v1/admin/rebuild";

    @Test
    void aPageOnAnyOriginMayReadTheSearchApi() {
        Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .when().options("/api/v1/search").then().extract().response();
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");

        Response read = given().header("Origin", ORIGIN).when().get("/api/v1/search?q=telegram").then().extract().response();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isIn("*", ORIGIN);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag").contains("Link");
    }

    @Test
    void answersAreCompressedWhenTheClientAcceptsIt() {
        Response gzip = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").when().get("/api/v1/search?q=telegram&size=50").then().extract().response();
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");

        Response plain = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").when().get("/api/v1/search?q=telegram").then().extract().response();
        assertThat(plain.header("Content-Encoding")).isNull();
    }

    @Test
    void searchAnswersCarryAnETagThatGives304() {
        Response first = given().when().get("/api/v1/search?q=telegram").then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Cache-Control")).isEqualTo("public, no-cache");

        Response again = given().header("If-None-Match", etag).when().get("/api/v1/search?q=telegram").then().extract().response();
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asString()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);

        Response changed = given().header("If-None-Match", "W/\"0123456789abcdef\"").when().get("/api/v1/search?q=telegram")
                .then().extract().response();
        assertThat(changed.statusCode()).as("a tag that is not the current one").isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo(etag);

        Response suggestions = given().when().get("/api/v1/suggestions?q=py").then().statusCode(200).extract().response();
        assertThat(suggestions.header("ETag")).startsWith("W/\"");
        given().header("If-None-Match", suggestions.header("ETag")).when().get("/api/v1/suggestions?q=py").then().statusCode(304);
    }

    @Test
    void aWrongMethodIs405WithAllowAndAProblem() {
        Response response = given().when().delete("/api/v1/search").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:historyarchive:problem:method-not-allowed");
    }

    @Test
    void aPageOnAConfiguredOriginMayAlsoWrite() {
        // %test.archive.cors.write-origins in application.properties
        Response editor = given().header("Origin", EDITOR).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options(WRITE_PATH).then().extract().response();
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.header("Access-Control-Allow-Origin")).isEqualTo(EDITOR);
        assertThat(editor.header("Vary")).contains("Origin");
        assertThat(editor.header("Access-Control-Allow-Methods")).contains("POST").contains("PUT").contains("DELETE");
        assertThat(editor.header("Access-Control-Allow-Headers")).containsIgnoringCase("Authorization");

        Response other = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .when().options(WRITE_PATH).then().extract().response();
        assertThat(other.header("Access-Control-Allow-Methods")).as("another origin's preflight").doesNotContain("POST");
    }

    @Test
    void tooLongATargetIs414AndTooManyHeaderBytes431WithAProblem() {
        Response target = given().when().get(READ_PATH + "?q=" + "a".repeat(9000)).then().extract().response();
        assertThat(target.statusCode()).isEqualTo(414);
        assertThat(target.contentType()).startsWith("application/problem+json");
        assertThat(target.jsonPath().getString("detail")).contains("8192");

        Response headers = given().header("X-Padding", "b".repeat(20_000)).when().get(READ_PATH).then().extract().response();
        assertThat(headers.statusCode()).isEqualTo(431);
        assertThat(headers.contentType()).startsWith("application/problem+json");
        assertThat(headers.jsonPath().getInt("status")).isEqualTo(431);
        assertThat(headers.jsonPath().getString("detail")).contains("16384");
    }

    @Test
    void metricsHaveRequestDurationHistogramsAndKafkaClientMetrics() {
        given().when().get("/api/v1/search?q=telegram").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/search\"[^}]*le=\"0\\.25\"");
            assertThat(metrics).contains("kafka_consumer_");
        });
    }
}
