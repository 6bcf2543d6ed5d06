package net.historyarchive.search.engine;

import net.historyarchive.search.names.NameVariants;
import net.historyarchive.search.query.SearchRequest;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.RangeRelation;

import java.util.ArrayList;
import java.util.List;

/**
 * The request's filters as non-scoring clauses. Values within one filter are alternatives,
 * filters combine with AND. A document's date is a range (a month is its first to its last day),
 * so "overlaps" and "within" are range queries with that relation on the date span.
 */
final class SearchFilters {

    static final Query NOT_DELETED = Query.of(q -> q.term(t -> t.field("deleted").value(FieldValue.FALSE)));

    private SearchFilters() {
    }

    static List<Query> of(SearchRequest.Filters filters, NameVariants names) {
        List<Query> clauses = new ArrayList<>();
        clauses.add(NOT_DELETED);
        terms(clauses, "collections", filters.collections());
        terms(clauses, "subjects", filters.subjects());
        // a name in any spelling: compared in its preferred form, as the view stores it for filters and facets
        terms(clauses, "peoplePreferred", filters.people().stream().map(names::preferred).toList());
        terms(clauses, "placesPreferred", filters.places().stream().map(names::preferred).toList());
        terms(clauses, "languages", filters.languages());
        terms(clauses, "documentType", filters.types());
        filters.hasTranslation().ifPresent(value -> clauses.add(Query.of(q -> q.term(t -> t.field("hasTranslation")
                .value(FieldValue.of(value))))));
        Query dated = Query.of(q -> q.exists(e -> e.field("dateStart")));
        Query undated = Query.of(q -> q.bool(b -> b.mustNot(dated)));
        boolean ranged = filters.dateFrom().isPresent() || filters.dateTo().isPresent();
        Query inRange = ranged ? dateRange(filters) : dated;
        switch (filters.undated()) {
            case ONLY -> clauses.add(undated);
            case EXCLUDE -> clauses.add(inRange);
            case INCLUDE -> {
                if (ranged) {
                    clauses.add(Query.of(q -> q.bool(b -> b.should(inRange, undated).minimumShouldMatch("1"))));
                }
            }
        }
        return clauses;
    }

    private static Query dateRange(SearchRequest.Filters filters) {
        RangeRelation relation = filters.dateMatch() == SearchRequest.DateMatch.WITHIN ? RangeRelation.Within : RangeRelation.Intersects;
        return Query.of(q -> q.range(r -> {
            r.field("dateSpan").relation(relation).format("strict_date");
            filters.dateFrom().ifPresent(from -> r.gte(org.opensearch.client.json.JsonData.of(from.toString())));
            filters.dateTo().ifPresent(to -> r.lte(org.opensearch.client.json.JsonData.of(to.toString())));
            return r;
        }));
    }

    private static void terms(List<Query> clauses, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> any = values.stream().map(FieldValue::of).toList();
            clauses.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any)))));
        }
    }
}
