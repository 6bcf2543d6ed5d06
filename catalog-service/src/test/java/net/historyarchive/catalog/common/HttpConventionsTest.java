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
 * preflight) and none for writes by default, compression, and in /q/metrics request-duration
 * histograms, the connection pool's and the Kafka producer's metrics.
 */
@QuarkusTest
class HttpConventionsTest {

    private static final String ORIGIN = "https://historians.example.org";

    @Test
    void aPageOnAnyOriginMayReadButNotWriteByDefault() {
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
