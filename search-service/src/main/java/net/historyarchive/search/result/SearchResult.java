package net.historyarchive.search.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "SearchResult", description = "One page of hits with the total, facet counts and a cursor for the next page.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
        @Schema(description = "How many documents match: exact, or a lower bound for very common queries.") Total total,
        @Schema(description = "1-based position of the first hit on this page (0 when there are none).", examples = "1") long from,
        @Schema(description = "1-based position of the last hit on this page.", examples = "10") long to,
        List<Hit> hits,
        @Schema(description = "For each requested facet, the commonest values among the matching documents, with counts.")
        Map<String, List<FacetCount>> facets,
        @Schema(description = "False when the total is a lower bound: facets then count the first matches up to that bound.")
        boolean facetsComplete,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page. Stable while documents are added.")
        String nextCursor,
        @Schema(description = "The query with misspelled words replaced by indexed words that look like them; absent when every word is known.",
                examples = "plenum")
        String didYouMean,
        @Schema(description = "Present (true) when no document holds every term of the query: the hits then hold most of them, "
                + "best first.")
        Boolean partialMatch) {

    @Schema(name = "Total", description = "Like Elasticsearch's track_total_hits: relation eq is exact, gte a lower bound.")
    public record Total(@Schema(examples = "25") long value, @Schema(enumeration = {"eq", "gte"}) String relation) {
    }

    @Schema(name = "FacetCount")
    public record FacetCount(@Schema(examples = "Pyongyang") String value, @Schema(examples = "12") long count) {
    }
}
