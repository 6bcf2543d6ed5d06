package net.historyarchive.search.ingest;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import net.historyarchive.infra.RecordedSpans;
import net.historyarchive.search.view.ApplyResult;
import net.historyarchive.search.view.ChangeEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * search-service's apply span, recorded by the real OpenTelemetry SDK: one per traced event of a
 * batch, a child of the context in the record's traceparent header, an error when dead-lettered.
 */
class ApplyTracingTest {

    private static final String TOPIC = "archive.documents.v1";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PUBLISH_SPAN = "00f067aa0ba902b7";

    private final RecordedSpans recorded = new RecordedSpans();
    private final ApplyTracing tracing = new ApplyTracing(recorded.tracer());

    @AfterEach
    void close() {
        recorded.close();
    }

    @Test
    void eachTracedEventIsAppliedUnderAConsumerSpanChildOfItsPublish() {
        UUID traced = UUID.randomUUID();
        UUID untraced = UUID.randomUUID();
        DecodedBatch batch = batch(Map.of(traced, "00-" + TRACE + "-" + PUBLISH_SPAN + "-01"), traced, untraced);

        Map<UUID, Span> spans = tracing.start(batch);
        assertThat(spans).as("only the event that carries a traceparent").containsOnlyKeys(traced);
        ApplyTracing.applied(spans, new ApplyResult(2, 0, List.of()));

        assertThat(recorded.finished()).hasSize(1);
        SpanData apply = recorded.finished().get(0);
        assertThat(apply.getName()).isEqualTo(TOPIC + " apply");
        assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(apply.getTraceId()).isEqualTo(TRACE);
        assertThat(apply.getParentSpanId()).isEqualTo(PUBLISH_SPAN);
        assertThat(apply.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(apply.getAttributes().asMap().toString()).contains("archive.document.id=" + traced,
                "archive.document.version=3", "messaging.batch.message_count=2");
    }

    @Test
    void aDeadLetteredEventsSpanIsAnError() {
        UUID doc = UUID.randomUUID();
        Map<UUID, Span> spans = tracing.start(batch(Map.of(doc, "00-" + TRACE + "-" + PUBLISH_SPAN + "-01"), doc));
        ApplyTracing.applied(spans, new ApplyResult(0, 0, List.of(new ApplyResult.Rejected(doc, "mapper_parsing_exception"))));

        assertThat(recorded.finished()).hasSize(1);
        assertThat(recorded.finished().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(recorded.finished().get(0).getStatus().getDescription()).contains("mapper_parsing_exception");
    }

    @Test
    void aBatchThatCouldNotBeWrittenEndsItsSpansAsErrors() {
        UUID doc = UUID.randomUUID();
        Map<UUID, Span> spans = tracing.start(batch(Map.of(doc, "00-" + TRACE + "-" + PUBLISH_SPAN + "-01"), doc));
        ApplyTracing.failed(spans, new java.io.IOException("OpenSearch unreachable"));

        assertThat(recorded.finished()).singleElement().satisfies(s -> {
            assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(s.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
        });
    }

    /** A batch of version-3 updates of {@code ids}, with a traceparent header where given. */
    private static DecodedBatch batch(Map<UUID, String> traceparents, UUID... ids) {
        Map<UUID, ChangeEvent> newest = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, byte[]>> sources = new LinkedHashMap<>();
        long offset = 0;
        for (UUID id : ids) {
            RecordHeaders headers = new RecordHeaders();
            if (traceparents.containsKey(id)) {
                headers.add("traceparent", traceparents.get(id).getBytes(StandardCharsets.UTF_8));
            }
            newest.put(id, new ChangeEvent(id, 3, false, null));
            sources.put(id, new ConsumerRecord<>(TOPIC, 0, offset++, 0L, TimestampType.CREATE_TIME, 36, 2, id.toString(),
                    "{}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty()));
        }
        return new DecodedBatch(newest, sources, List.of(), Instant.now(), ids.length);
    }
}
