-- search-service's denormalized view of the catalog, fed only by change events.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE because its dictionary could change; with the dictionary named it is
-- safe to treat as IMMUTABLE, which index expressions and generated values need.
CREATE FUNCTION archive_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- Weighted full-text vector: title highest, then people/places/subjects, then summary, then texts.
CREATE FUNCTION archive_search_vector(snapshot jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('english', archive_unaccent(coalesce(snapshot ->> 'title', ''))), 'A')
        || setweight(to_tsvector('english', archive_unaccent(concat_ws(' ',
               (SELECT string_agg(v, ' ') FROM jsonb_array_elements_text(coalesce(snapshot -> 'people', '[]')) v),
               (SELECT string_agg(v, ' ') FROM jsonb_array_elements_text(coalesce(snapshot -> 'places', '[]')) v),
               (SELECT string_agg(v, ' ') FROM jsonb_array_elements_text(coalesce(snapshot -> 'subjects', '[]')) v)))), 'B')
        || setweight(to_tsvector('english', archive_unaccent(coalesce(snapshot ->> 'summary', ''))), 'C')
        || setweight(to_tsvector('english', archive_unaccent(coalesce(
               (SELECT string_agg(t ->> 'body', ' ') FROM jsonb_array_elements(coalesce(snapshot -> 'texts', '[]')) t), ''))), 'D');

CREATE FUNCTION archive_text_array(value jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(ARRAY(SELECT jsonb_array_elements_text(coalesce(value, '[]'))), '{}');

-- One row per document ever seen. A deleted document stays as a versioned tombstone (deleted,
-- no snapshot) so that an older event arriving late cannot bring it back.
CREATE TABLE document_view (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    deleted           boolean     NOT NULL,
    snapshot          jsonb,
    title             text,
    summary           text,
    date_display      text,
    date_start        date,
    date_end          date,
    date_precision    text,
    document_type     text,
    languages         text[]      NOT NULL DEFAULT '{}',
    collections       text[]      NOT NULL DEFAULT '{}',
    subjects          text[]      NOT NULL DEFAULT '{}',
    people            text[]      NOT NULL DEFAULT '{}',
    places            text[]      NOT NULL DEFAULT '{}',
    has_translation   boolean     NOT NULL DEFAULT false,
    search_vector     tsvector,
    source_updated_at timestamptz,
    applied_at        timestamptz NOT NULL
);
CREATE INDEX document_view_search_idx ON document_view USING gin (search_vector) WHERE NOT deleted;
CREATE INDEX document_view_title_trgm_idx ON document_view USING gin (title gin_trgm_ops) WHERE NOT deleted;
