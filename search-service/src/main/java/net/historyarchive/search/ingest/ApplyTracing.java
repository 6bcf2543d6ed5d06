package net.historyarchive.search.ingest;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import net.historyarchive.search.view.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The consumer's part of a change's trace: for each event of a batch that carries a W3C
 * {@code traceparent} header (the catalog relay's publish span), a consumer span "apply" as its
 * child, open while the batch is written to the view. So the trace of an archivist's request ends
 * with the write that made the change searchable. Events without the header get no span.
 */
final class ApplyTracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    ApplyTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts an apply span for each traced event the batch writes, by document id. */
    Map<UUID, Span> start(DecodedBatch batch) {
        Map<UUID, Span> spans = new LinkedHashMap<>();
        batch.sources().forEach((documentId, record) -> {
            Context parent = W3C.extract(Context.root(), record.headers(), HEADERS);
            if (Span.fromContext(parent).getSpanContext().isValid()) {
                spans.put(documentId, start(parent, record, documentId, batch));
            }
        });
        return spans;
    }

    private Span start(Context parent, ConsumerRecord<String, byte[]> record, UUID documentId, DecodedBatch batch) {
        return tracer.spanBuilder(record.topic() + " apply")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.batch.message_count", (long) batch.records())
                .setAttribute("archive.document.id", documentId.toString())
                .setAttribute("archive.document.version", batch.newest().get(documentId).version())
                .startSpan();
    }

    /** Ends the spans once the view acknowledged the batch; events the engine refused are errors. */
    static void applied(Map<UUID, Span> spans, ApplyResult result) {
        for (ApplyResult.Rejected rejected : result.rejected()) {
            Span span = spans.get(rejected.documentId());
            if (span != null) {
                span.setStatus(StatusCode.ERROR, "dead-lettered: " + rejected.reason());
            }
        }
        spans.values().forEach(Span::end);
    }

    /** Ends the spans of a batch that could not be written (it is read again from the last commit). */
    static void failed(Map<UUID, Span> spans, Exception cause) {
        for (Span span : spans.values()) {
            span.recordException(cause);
            span.setStatus(StatusCode.ERROR, "not applied; the batch is read again");
            span.end();
        }
    }

}
