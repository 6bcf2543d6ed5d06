-- Traces (README "Traces"): the W3C traceparent of the request that wrote the change, so the relay
-- can publish its event as part of that request's trace. Null when tracing is off and for bulk work
-- (one trace per import with a span per document would be too large to look at or to keep).
ALTER TABLE outbox_event ADD COLUMN traceparent text;
