package net.historyarchive.catalog.outbox.relay;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The relay's part of a change's trace: a producer span per event, child of the request that wrote
 * the outbox row (its stored traceparent), whose own context goes out as the record's W3C
 * {@code traceparent} header (as OpenTelemetry's Kafka instrumentation propagates it), so the
 * consumer's apply span continues the same trace. Rows without a traceparent get neither.
 */
final class PublishTracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** Reads a stored traceparent string as the propagator's carrier. */
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of("traceparent");
        }

        @Override
        public String get(String traceparent, String key) {
            return "traceparent".equals(key) ? traceparent : null;
        }
    };

    private final Tracer tracer;

    PublishTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No spans recorded; stored contexts are still passed on. */
    static PublishTracing off() {
        return new PublishTracing(OpenTelemetry.noop().getTracer("outbox-relay"));
    }

    /**
     * Starts the publish span of {@code row}'s event and writes its context to {@code headers};
     * null when the row carries no (valid) trace context.
     */
    Span start(OutboxRow row, String topic, Headers headers) {
        if (row.traceparent() == null) {
            return null;
        }
        Context parent = W3C.extract(Context.root(), row.traceparent(), STORED);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return null;
        }
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", row.eventId().toString())
                .setAttribute("messaging.kafka.message.key", row.aggregateId().toString())
                .setAttribute("cloudevents.event_type", row.type())
                .setAttribute("archive.document.version", row.version())
                .startSpan();
        W3C.inject(parent.with(span), headers, (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Ends the spans of a round that Kafka acknowledged. */
    static void acknowledged(List<Span> spans) {
        spans.forEach(Span::end);
    }

    /** Ends the spans of a round that failed (the rows stay unpublished and are retried). */
    static void failed(List<Span> spans, Exception cause) {
        for (Span span : spans) {
            span.recordException(cause);
            span.setStatus(StatusCode.ERROR, "not acknowledged by Kafka; retried in a later round");
            span.end();
        }
    }
}
