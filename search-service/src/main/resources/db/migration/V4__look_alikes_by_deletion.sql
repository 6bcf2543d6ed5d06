-- Look-alike words ("plenum" finds "Pllenum" and "Plenun") by single-letter deletions instead of
-- trigram similarity. V2 asked the trigram index of search_lexeme for words at similarity >= 0.5:
-- measured at 150,000 documents (37,000 lexemes) that cost 6-13 ms per query word, growing with the
-- lexicon, and it widened correctly spelled words to other real words ("semblance" to
-- "resemblance", "party" to "non-party"). Two words whose sets of one-letter deletions (each word
-- included) share a member are at most one typo apart: a doubled or dropped letter, a wrong or
-- neighbouring letter, two letters swapped. A GIN index over those sets finds them with a handful
-- of exact key lookups, whatever the lexicon's size.

-- The word and every form of it with one letter deleted.
CREATE FUNCTION archive_near_forms(word text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT array_agg(DISTINCT form)
    FROM (SELECT word AS form
          UNION ALL
          SELECT overlay(word PLACING '' FROM position FOR 1) FROM generate_series(1, length(word)) position) forms
$$;

CREATE INDEX search_lexeme_near_forms_idx ON search_lexeme USING gin (archive_near_forms(lexeme));

-- Same signature as V2's, so archive_fuzzy_tsquery and archive_correction use it unchanged: up to
-- five indexed words one typo away from a word of four or more letters, the most similar first.
CREATE OR REPLACE FUNCTION archive_similar_words(word text) RETURNS SETOF text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT lexeme
    FROM search_lexeme
    WHERE length(archive_fold(word)) >= 4
      AND archive_near_forms(lexeme) && archive_near_forms(archive_fold(word))
      AND lexeme <> archive_fold(word)
    ORDER BY similarity(lexeme, archive_fold(word)) DESC, lexeme
    LIMIT 5
$$;

-- The lexemes in at least 1% of the view's documents and in at least 50 of them, as ANALYZE
-- estimates them (the most common elements of search_vector, with their frequencies); empty before
-- the first ANALYZE. On a small view ANALYZE lists nearly every lexeme, hence the two floors.
CREATE FUNCTION archive_common_lexemes() RETURNS text[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(element.lexeme), '{}')
    FROM pg_stats s
    JOIN pg_class c ON c.oid = to_regclass(quote_ident(s.schemaname) || '.' || quote_ident(s.tablename))
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS element(lexeme, frequency)
    WHERE s.schemaname = current_schema() AND s.tablename = 'document_view' AND s.attname = 'search_vector'
      AND element.lexeme IS NOT NULL -- the frequencies end with three summary numbers
      -- frequencies are of the rows with a vector; tombstones (deleted documents) have none
      AND element.frequency >= 0.01 AND element.frequency * c.reltuples * (1 - s.null_frac) >= 50
$$;

-- A plain word as a tsquery that also matches its look-alikes. A word that is itself indexed is
-- only widened to look-alikes outside the commonest lexemes (given as common): those are typos of
-- it ("plenum" finds "Pllenum"), while a common look-alike is another word ("party" is not "part").
-- A word that is not indexed (a typo in the query) is widened to every look-alike.
CREATE FUNCTION archive_fuzzy_tsquery(word text, common text[]) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce(archive_tsquery_or(form), plainto_tsquery('simple', left(word, 0))) -- no literal '': it draws a NOTICE per call
    FROM (SELECT plainto_tsquery('english', archive_unaccent(word)) AS form
          UNION ALL
          SELECT plainto_tsquery('english', candidate)
          FROM archive_similar_words(word) candidate
          WHERE NOT (tsvector_to_array(to_tsvector('english', candidate)) && common
                     AND EXISTS (SELECT 1 FROM search_lexeme WHERE lexeme = archive_fold(word)))) forms
$$;

-- V2's one-argument form has no callers left (search passes the common lexemes it read once).
DROP FUNCTION archive_fuzzy_tsquery(text);
