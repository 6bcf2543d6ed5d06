package net.historyarchive.catalog.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C traceparent of the span current on this thread (the request writing a change), or null
 * when there is none: tracing is off (the SDK is disabled, every span is invalid) or nothing is
 * being traced.
 */
final class TraceParent {

    private TraceParent() {
    }

    static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
