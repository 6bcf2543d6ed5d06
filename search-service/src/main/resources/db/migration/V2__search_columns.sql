-- What the search API needs beside the full weighted vector: a title-only vector, a small vector
-- for ranking, sort keys that keep undated documents last in both directions, indexes for every
-- filter, and a lexicon of indexed words for typo tolerance and suggestions.
--
-- Bounded work on common words. A GIN bitmap scan is not lazy: it collects every match before
-- the first row comes back, so a word in half of a million documents costs half a million
-- posting entries however few hits are wanted. The full-text indexes are therefore split into
-- eleven buckets of doubling size by a hash of the id (1/1024, 1/1024, 2/1024, 4/1024 ... 1/2 of
-- the documents), and a search reads the buckets in that order through UNION ALL under a LIMIT:
-- a common word is satisfied from the first small buckets and the rest are never scanned, while
-- a rare word scans them all, which together cost what one index would have. The buckets are a
-- uniform random sample, so totals, facets and ranking over the first matches are unbiased.

-- 0 to 10: the bit length of a 10-bit hash taken from the id's last (random) bytes.
CREATE FUNCTION archive_bucket(id uuid) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT CASE WHEN h = 0 THEN 0 ELSE floor(log(2, h))::int + 1 END
            FROM (SELECT (get_byte(uuid_send(id), 14) * 256 + get_byte(uuid_send(id), 15)) % 1024 AS h) hashed);

ALTER TABLE document_view
    ADD COLUMN bucket smallint GENERATED ALWAYS AS (archive_bucket(id)) STORED,
    ADD COLUMN title_vector tsvector GENERATED ALWAYS AS
        (setweight(to_tsvector('english'::regconfig, archive_unaccent(coalesce(title, ''))), 'A')) STORED,
    -- Title, people, places, subjects and summary (weights A-C) without the body texts: small enough
    -- to stay in the row, so ranking a few hundred candidates does not decompress their full texts.
    ADD COLUMN head_vector tsvector GENERATED ALWAYS AS (ts_filter(search_vector, '{a,b,c}')) STORED,
    ADD COLUMN sort_title text GENERATED ALWAYS AS (lower(archive_unaccent(title))) STORED,
    -- Days since 0001-01-01 (ascending) and until 9999-12-31 (descending); undated sorts last either way.
    ADD COLUMN date_asc_key integer GENERATED ALWAYS AS (coalesce(date_start - DATE '0001-01-01', 2147483647)) STORED,
    ADD COLUMN date_desc_key integer GENERATED ALWAYS AS (coalesce(DATE '9999-12-31' - date_start, 2147483647)) STORED;

DROP INDEX document_view_search_idx; -- replaced by the bucketed indexes below
DO $$
BEGIN
    FOR b IN 0..10 LOOP
        EXECUTE format('CREATE INDEX document_view_search_b%s_idx ON document_view USING gin (search_vector) '
                       'WHERE NOT deleted AND bucket = %s', b, b);
        EXECUTE format('CREATE INDEX document_view_title_b%s_idx ON document_view USING gin (title_vector) '
                       'WHERE NOT deleted AND bucket = %s', b, b);
    END LOOP;
END
$$;

CREATE INDEX document_view_sort_title_idx ON document_view (sort_title, id) WHERE NOT deleted;
CREATE INDEX document_view_date_asc_idx ON document_view (date_asc_key, id) WHERE NOT deleted;
CREATE INDEX document_view_date_desc_idx ON document_view (date_desc_key, id) WHERE NOT deleted;
CREATE INDEX document_view_dates_idx ON document_view (date_start, date_end) WHERE NOT deleted;
CREATE INDEX document_view_collections_idx ON document_view USING gin (collections) WHERE NOT deleted;
CREATE INDEX document_view_subjects_idx ON document_view USING gin (subjects) WHERE NOT deleted;
CREATE INDEX document_view_people_idx ON document_view USING gin (people) WHERE NOT deleted;
CREATE INDEX document_view_places_idx ON document_view USING gin (places) WHERE NOT deleted;
CREATE INDEX document_view_languages_idx ON document_view USING gin (languages) WHERE NOT deleted;
CREATE INDEX document_view_type_idx ON document_view (document_type) WHERE NOT deleted;

-- Every word (lower case, unaccented, NOT stemmed: to_tsvector('simple', ...)) that occurs in a title,
-- person, place, subject or summary.
-- Each plain query word is widened to similar words from here ("plenum" also finds the
-- typos "pllenum" and "plenun"), and "did you mean" picks from here. It only grows: a lexeme
-- left behind by an edit costs nothing, because expansions are matched against the live vectors.
CREATE TABLE search_lexeme (
    lexeme text PRIMARY KEY
);
CREATE INDEX search_lexeme_trgm_idx ON search_lexeme USING gin (lexeme gin_trgm_ops);

-- People, places and subjects as written, for suggestions as the user types (titles are
-- suggested from title_vector by prefix).
CREATE TABLE search_suggestion (
    kind    text NOT NULL CHECK (kind IN ('person', 'place', 'subject')),
    value   text NOT NULL,
    folded  text NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX search_suggestion_folded_idx ON search_suggestion (folded text_pattern_ops);
CREATE INDEX search_suggestion_trgm_idx ON search_suggestion USING gin (folded gin_trgm_ops);

-- Lower case without accents: how the lexicon and the suggestions store words.
CREATE FUNCTION archive_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(archive_unaccent($1));

-- English with accents folded, for ts_headline over the original (accented) text: it produces the
-- same lexemes as to_tsvector('english', archive_unaccent(text)), which built the stored vectors.
CREATE TEXT SEARCH CONFIGURATION archive_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION archive_english
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;

CREATE AGGREGATE archive_tsquery_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- Up to five indexed words that look like the given one (trigram similarity at least 0.5),
-- most similar first; words shorter than four letters have too many neighbours to guess from.
CREATE FUNCTION archive_similar_words(word text) RETURNS SETOF text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET pg_trgm.similarity_threshold = 0.5 -- lets the trigram index skip weak candidates
AS $$
    SELECT lexeme
    FROM search_lexeme
    WHERE length(archive_fold(word)) >= 4
      AND lexeme % archive_fold(word)
      AND similarity(lexeme, archive_fold(word)) >= 0.5
    ORDER BY similarity(lexeme, archive_fold(word)) DESC, lexeme
    LIMIT 5
$$;

-- A plain word as a tsquery that also matches its look-alikes: "plenum" finds "Pllenum".
CREATE FUNCTION archive_fuzzy_tsquery(word text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce(archive_tsquery_or(plainto_tsquery('english', candidate)), ''::tsquery)
    FROM (SELECT archive_unaccent(word) AS candidate UNION SELECT archive_similar_words(word)) candidates
$$;

-- The closest indexed word when the given word is not indexed itself ("did you mean"), else NULL.
CREATE FUNCTION archive_correction(word text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM search_lexeme WHERE lexeme = archive_fold(word)) THEN NULL
                ELSE (SELECT archive_similar_words(word) LIMIT 1) END
$$;
