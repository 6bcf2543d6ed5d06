package net.historyarchive.systemtests.endtoend;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import net.historyarchive.systemtests.endtoend.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One connected trace from an archivist's create to the write that makes the document searchable:
 * both services run as processes with tracing switched on as compose switches it on (the standard
 * OTEL_* variables), exporting OTLP over HTTP to a receiver in this test. The client's traceparent
 * starts the trace; catalog-service's request span, the outbox relay's publish span (carried through
 * PostgreSQL in the outbox row and through Kafka in the record's traceparent header) and
 * search-service's apply span must all be in it, each the child of the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceIT {

    private static final Duration TRACE_WITHIN = Duration.ofSeconds(60);

    private OtlpReceiver receiver;
    private ArchiveSystem system;

    @BeforeAll
    void start() throws Exception {
        receiver = OtlpReceiver.start(ArchiveSystem.freePorts(1)[0]);
        system = ArchiveSystem.start(ArchiveSystem.repositoryRoot(), ArchiveSystem.newLogDir("trace-logs"), Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // Export within a fraction of a second instead of the default 5 s.
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCreateIsOneTraceFromTheRequestThroughTheRelayToTheConsumersApply() {
        String traceId = randomHex(16);
        String clientSpanId = randomHex(8);
        Catalog catalog = new Catalog(system.catalogPort());
        Search search = new Search(system.searchPort());
        String word = new Words(System.nanoTime()).get();
        Catalog.Doc doc = catalog.create("Telegram on " + word + " from Pyongyang",
                Map.of("traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));

        try {
            await().atMost(TRACE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(search.search(word).hits()).containsEntry(doc.id(), 1L);
                assertThat(apply(traceId, doc.id().toString())).isPresent();
                assertThat(receiver.spans()).filteredOn(s -> s.traceId().equals(traceId)).extracting(ReceivedSpan::kind)
                        .contains(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_PRODUCER);
            });
        } catch (AssertionError | RuntimeException e) {
            System.err.println("[trace] spans received: " + receiver.spans() + "\n[trace] posted to: " + receiver.paths()
                    + "\n[trace] service logs:" + system.logTails());
            throw e;
        }
        List<ReceivedSpan> trace = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();

        ReceivedSpan request = only(trace, s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s.service().equals("catalog-service"));
        assertThat(request.parentSpanId()).as("the catalog's request continues the client's trace").isEqualTo(clientSpanId);
        assertThat(request.name()).isEqualTo("POST /api/v1/documents");

        ReceivedSpan publish = only(trace, s -> s.kind() == SpanKind.SPAN_KIND_PRODUCER);
        assertThat(publish.service()).isEqualTo("catalog-service");
        assertThat(publish.parentSpanId()).as("the relay's publish is a child of the request that wrote the outbox row")
                .isEqualTo(request.spanId());
        assertThat(publish.name()).isEqualTo("archive.documents.v1 publish");
        assertThat(publish.attributes()).containsEntry("messaging.destination.name", "archive.documents.v1")
                .containsEntry("messaging.kafka.message.key", doc.id().toString());

        ReceivedSpan apply = apply(traceId, doc.id().toString()).orElseThrow();
        assertThat(apply.service()).isEqualTo("search-service");
        assertThat(apply.parentSpanId()).as("search-service's apply is a child of the publish (through Kafka)")
                .isEqualTo(publish.spanId());
        assertThat(apply.name()).isEqualTo("archive.documents.v1 apply");
        assertThat(apply.attributes()).containsEntry("archive.document.version", "1")
                .containsEntry("messaging.destination.name", "archive.documents.v1");
    }

    /** search-service's apply span of the document in the trace, once received. */
    private Optional<ReceivedSpan> apply(String traceId, String documentId) {
        return receiver.spans().stream()
                .filter(s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                        && documentId.equals(s.attributes().get("archive.document.id")))
                .findFirst();
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, java.util.function.Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertThat(found).as("exactly one such span in the trace %s", trace).hasSize(1);
        return found.get(0);
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(id);
    }
}
