package net.historyarchive.catalog.outbox.relay;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import net.historyarchive.infra.RecordedSpans;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's publish span, recorded by the real OpenTelemetry SDK: a child of the request whose
 * traceparent the outbox row kept, and its own context in the record's traceparent header.
 */
class PublishTracingTest {

    private static final String TOPIC = "archive.documents.v1";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REQUEST_SPAN = "00f067aa0ba902b7";

    private final RecordedSpans recorded = new RecordedSpans();
    private final PublishTracing tracing = new PublishTracing(recorded.tracer());

    @AfterEach
    void close() {
        recorded.close();
    }

    @Test
    void aTracedRowIsPublishedUnderAProducerSpanChildOfTheRequest() {
        OutboxRow row = row("00-" + TRACE + "-" + REQUEST_SPAN + "-01");
        Headers headers = new RecordHeaders();
        Span span = tracing.start(row, TOPIC, headers);
        PublishTracing.acknowledged(List.of(span));

        assertThat(recorded.finished()).hasSize(1);
        SpanData publish = recorded.finished().get(0);
        assertThat(publish.getName()).isEqualTo(TOPIC + " publish");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getTraceId()).isEqualTo(TRACE);
        assertThat(publish.getParentSpanId()).isEqualTo(REQUEST_SPAN);
        assertThat(publish.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(publish.getAttributes().asMap().toString()).contains("messaging.message.id=" + row.eventId(),
                "messaging.kafka.message.key=" + row.aggregateId(), "messaging.destination.name=" + TOPIC);
        assertThat(header(headers, "traceparent")).as("the consumer continues from the publish span")
                .isEqualTo("00-" + TRACE + "-" + publish.getSpanId() + "-01");
    }

    @Test
    void aRowWithoutATraceparentGetsNoSpanAndNoHeader() {
        Headers headers = new RecordHeaders();
        assertThat(tracing.start(row(null), TOPIC, headers)).isNull();
        assertThat(tracing.start(row("not a traceparent"), TOPIC, headers)).as("an unreadable one is ignored").isNull();
        assertThat(headers.toArray()).isEmpty();
        assertThat(recorded.finished()).isEmpty();
    }

    @Test
    void aRoundKafkaDidNotAcknowledgeEndsItsSpansAsErrors() {
        Span span = tracing.start(row("00-" + TRACE + "-" + REQUEST_SPAN + "-01"), TOPIC, new RecordHeaders());
        PublishTracing.failed(List.of(span), new TimeoutException("Kafka did not acknowledge within 30 s"));

        assertThat(recorded.finished()).hasSize(1);
        assertThat(recorded.finished().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(recorded.finished().get(0).getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    }

    @Test
    void withTracingOffTheStoredContextIsStillPassedOn() {
        Headers headers = new RecordHeaders();
        Span span = PublishTracing.off().start(row("00-" + TRACE + "-" + REQUEST_SPAN + "-01"), TOPIC, headers);
        PublishTracing.acknowledged(List.of(span));
        assertThat(header(headers, "traceparent")).isEqualTo("00-" + TRACE + "-" + REQUEST_SPAN + "-01");
    }

    private static OutboxRow row(String traceparent) {
        return new OutboxRow(1, UUID.randomUUID(), "net.historyarchive.catalog.document.created.v1", UUID.randomUUID(), 1,
                Instant.now(), "{}", traceparent);
    }

    private static String header(Headers headers, String key) {
        var header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
