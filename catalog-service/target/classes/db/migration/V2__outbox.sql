-- Transactional outbox: one row per document change, written in the same transaction as the
-- change. id comes from a sequence at insert time (after the document's row lock is held, so a
-- document's rows are in version order); txid lets the relay publish only rows whose
-- transaction can no longer be running, which closes the gap a late-committing lower id leaves.
CREATE TABLE outbox_event (
    id                bigserial PRIMARY KEY,
    txid              xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id          uuid        NOT NULL UNIQUE,
    event_type        text        NOT NULL,
    aggregate_id      uuid        NOT NULL,
    aggregate_version bigint      NOT NULL,
    occurred_at       timestamptz NOT NULL,
    payload           jsonb       NOT NULL,
    published_at      timestamptz
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
