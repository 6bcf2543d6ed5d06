package net.historyarchive.catalog.common;

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
 * preflight), writes for configured origins only, 414 and 431 as problems, compression, and in /q/metrics request-duration
 * histograms, the connection pool's and the Kafka producer's metrics.
 */
@QuarkusTest
class HttpConventionsTest {

    private static final String ORIGIN = "https://historians.example.org";
    private static final String EDITOR = "https://editors.example.org";
    private static final String READ_PATH = "/api/v1/documents";
    private static final String WRITE_PATH = "/api/v1/documents";

    @Test
    void aPageOnAnyOriginMayReadButNotWrite() {
        Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/documents").then().extract().response();
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").doesNotContain("POST");

        Response read = given().header("Origin", ORIGIN).when().get("/api/v1/documents?limit=1").then().extract().response();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isIn("*", ORIGIN);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag").contains("Location").contains("Link");
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
    void answersAreCompressedWhenTheClientAcceptsIt() {
        Response list = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").when().get("/api/v1/documents?limit=100").then().extract().response();
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aWrongMethodIs405WithAllowAndAProblem() {
        Response response = given().when().delete("/api/v1/changes").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:historyarchive:problem:method-not-allowed");

        Response document = given().when().post("/api/v1/documents/0b5e5a7e-2b1c-4c57-9a55-d7ab5a2d9e10").then().extract().response();
        assertThat(document.statusCode()).isEqualTo(405);
        assertThat(document.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
    }

    @Test
    void metricsHaveRequestDurationHistogramsPoolAndKafkaProducerMetrics() {
        given().when().get("/api/v1/documents?limit=1").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/documents\"[^}]*le=\"0\\.25\"");
            assertThat(metrics).contains("agroal_active_count").contains("agroal_available_count");
            assertThat(metrics).contains("kafka_producer_");
        });
    }
}
