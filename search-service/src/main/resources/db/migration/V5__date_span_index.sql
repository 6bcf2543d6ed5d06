-- Documents whose date spans more than a day (a month, a year, a decade, a range), by that span,
-- for date order under a date filter (SortedPageSql): the matches that start before the window
-- but reach into it are the spans that contain its first day, and only this index finds them
-- without reading every document dated earlier (245 ms for "MEMORANDUM in 1956-1957" at
-- 1,000,000 documents through the type index). SortedPageSql repeats the expression and predicate.
CREATE INDEX document_view_date_span_idx ON document_view
    USING gist (daterange(date_start, date_end, '[]')) WHERE NOT deleted AND date_end > date_start;
