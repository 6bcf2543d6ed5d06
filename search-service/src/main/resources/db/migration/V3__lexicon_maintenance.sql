-- The lexicon (search_lexeme) and the suggestions (search_suggestion) of V2 are kept by the view's
-- writer, DocumentViewStore, in the same transaction as each change. This is its one definition
-- of a document's lexicon words, and the backfill for documents applied before V2 existed.

-- Every word, lower case and unaccented, not stemmed, of title, people, places, subjects and summary.
CREATE FUNCTION archive_lexicon_words(title text, summary text, people text[], places text[], subjects text[])
    RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN tsvector_to_array(to_tsvector('simple'::regconfig, archive_unaccent(concat_ws(' ', title,
        array_to_string(people, ' '), array_to_string(places, ' '), array_to_string(subjects, ' '), summary))));

INSERT INTO search_lexeme (lexeme)
SELECT DISTINCT w.lexeme
FROM document_view d, unnest(archive_lexicon_words(d.title, d.summary, d.people, d.places, d.subjects)) AS w(lexeme)
WHERE NOT d.deleted
ORDER BY w.lexeme
ON CONFLICT DO NOTHING;

INSERT INTO search_suggestion (kind, value, folded)
SELECT DISTINCT s.kind, s.value, lower(archive_unaccent(s.value))
FROM document_view d, LATERAL (SELECT 'person', unnest(d.people) UNION ALL SELECT 'place', unnest(d.places)
    UNION ALL SELECT 'subject', unnest(d.subjects)) AS s(kind, value)
WHERE NOT d.deleted AND s.value <> ''
ORDER BY s.kind, s.value
ON CONFLICT DO NOTHING;
