-- Catalog schema. Lists of names are arrays, texts and media are JSON owned by the document,
-- collections are a relation. Check constraints repeat the API's rules so that no code path
-- (bulk import, a future migration, a psql session) can store a record the API would reject.

CREATE TABLE collection (
    id          uuid PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    description text        CHECK (length(description) <= 10000)
);
CREATE UNIQUE INDEX collection_name_key ON collection (lower(name));

CREATE TABLE document (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL CHECK (version >= 1),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    summary           text        CHECK (length(summary) <= 20000),
    date_display      text,
    date_start        date,
    date_end          date,
    date_precision    text CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR', 'DECADE', 'RANGE', 'UNKNOWN')),
    date_qualifier    text CHECK (date_qualifier IN ('NONE', 'APPROXIMATE', 'INFERRED', 'UNCERTAIN')),
    document_type     text,
    languages         text[]      NOT NULL DEFAULT '{}',
    texts             jsonb       NOT NULL DEFAULT '[]',
    source_repository text,
    source_fond       text,
    source_opis       text,
    source_delo       text,
    source_folios     text,
    source_citation   text,
    rights_statement  text,
    rights_uri        text,
    rights_reuse      text,
    subjects          text[]      NOT NULL DEFAULT '{}',
    people            text[]      NOT NULL DEFAULT '{}',
    places            text[]      NOT NULL DEFAULT '{}',
    related           uuid[]      NOT NULL DEFAULT '{}',
    media             jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT document_date_order CHECK (date_start IS NULL OR date_end IS NULL OR date_start <= date_end)
);
-- Harvesters and the "updated since" filter read by modification time.
CREATE INDEX document_updated_at_idx ON document (updated_at, id);

CREATE TABLE document_collection (
    document_id   uuid NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    collection_id uuid NOT NULL REFERENCES collection (id),
    PRIMARY KEY (document_id, collection_id)
);
CREATE INDEX document_collection_collection_idx ON document_collection (collection_id, document_id);
