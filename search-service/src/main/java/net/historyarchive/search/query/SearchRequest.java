package net.historyarchive.search.query;

import net.historyarchive.search.query.QueryNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One validated search: the query, its filters, the order, the page and the facets wanted. */
public record SearchRequest(
        Optional<QueryNode> query,
        Filters filters,
        Sort sort,
        int size,
        int page,
        Optional<String> cursor,
        Set<Facet> facets,
        int facetSize,
        boolean explain) {

    /** All filters; values within one field are alternatives (OR), fields combine with AND. */
    public record Filters(
            Optional<LocalDate> dateFrom,
            Optional<LocalDate> dateTo,
            DateMatch dateMatch,
            Undated undated,
            List<String> collections,
            List<String> subjects,
            List<String> people,
            List<String> places,
            List<String> languages,
            List<String> types,
            Optional<Boolean> hasTranslation) {
    }

    public enum Sort {
        RELEVANCE("relevance"), DATE_ASC("date-asc"), DATE_DESC("date-desc"), TITLE("title"),
        /** Newest additions to the archive first (the catalog's createdAt), as the Atom feed lists them. */
        ADDED_DESC("added-desc");

        public final String name;

        Sort(String name) {
            this.name = name;
        }
    }

    /** How a document's date range must relate to the requested one. */
    public enum DateMatch {
        OVERLAPS("overlaps"), WITHIN("within");

        public final String name;

        DateMatch(String name) {
            this.name = name;
        }
    }

    public enum Undated {
        INCLUDE("include"), EXCLUDE("exclude"), ONLY("only");

        public final String name;

        Undated(String name) {
            this.name = name;
        }
    }

    /** A facet: its public name. */
    public enum Facet {
        COLLECTION("collection"), SUBJECT("subject"), PERSON("person"), PLACE("place"), LANGUAGE("language"),
        TYPE("type"), DECADE("decade"), HAS_TRANSLATION("hasTranslation");

        public final String name;

        Facet(String name) {
            this.name = name;
        }
    }
}
