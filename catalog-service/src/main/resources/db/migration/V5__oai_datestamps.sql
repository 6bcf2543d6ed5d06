-- OAI-PMH datestamps. A record's datestamp is the time the provider first saw its change
-- committed, not the time the writing transaction ran: a transaction that commits late would
-- otherwise carry a datestamp older than harvests already made, and incremental harvests
-- (from = last harvest) would miss it for ever.
--
-- The stamper (OaiStamper) follows the change feed's order, (change_txid, id) of documents and
-- deletions, and only takes changes of transactions older than every running one
-- (pg_snapshot_xmin), exactly like GET /api/v1/changes. It runs under an advisory lock, gives
-- every change of one run the same datestamp, strictly greater than the last run's, and the
-- harvest that triggered it reads in the same transaction. So every datestamp a later stamping
-- run gives is greater than the horizon of any list already started.
CREATE TABLE oai_item (
    id        uuid PRIMARY KEY,
    datestamp timestamptz NOT NULL,
    deleted   boolean     NOT NULL,
    -- Collections (OAI sets) at the last change; kept for deleted records so a set harvest
    -- learns of their deletion too.
    sets      uuid[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX oai_item_datestamp_idx ON oai_item (datestamp, id);

-- Where the stamper is in the change order, and the last datestamp it gave (one row).
CREATE TABLE oai_stamper (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_txid      xid8        NOT NULL,
    last_id        uuid        NOT NULL,
    last_datestamp timestamptz NOT NULL
);
INSERT INTO oai_stamper (last_txid, last_id, last_datestamp)
VALUES ('0'::xid8, '00000000-0000-0000-0000-000000000000', '1970-01-01T00:00:00Z');
