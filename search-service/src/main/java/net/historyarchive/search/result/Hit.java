package net.historyarchive.search.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Hit", description = "A matching document as the result list shows it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hit(
        UUID id,
        @Schema(description = "The catalog version the view holds.") long version,
        String title,
        String summary,
        DateInfo date,
        @Schema(examples = "RECORD_OF_CONVERSATION") String documentType,
        List<String> languages,
        List<String> collections,
        List<String> subjects,
        List<String> people,
        List<String> places,
        boolean hasTranslation,
        @Schema(description = "Relevance score (sort=relevance only); higher is better.") Double score,
        @Schema(description = "For each field that matched the query, the text with matches wrapped in <mark>…</mark>; "
                + "everything else is HTML-escaped. Keys: title, summary, text, people, places, subjects; "
                + "text (fragments of the body texts) only when the query matched nowhere else in the hit.")
        Map<String, Object> highlights,
        @Schema(description = "Only with explain=true: what the score is made of.") Explanation explanation) {

    @Schema(name = "HitDate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateInfo(@Schema(examples = "September 1956") String display, LocalDate start, LocalDate end,
                           @Schema(examples = "MONTH") String precision) {
    }

    @Schema(name = "ScoreExplanation", description = "The relevance score as the sum of what each matched word earned in each field.")
    public record Explanation(double score, List<Contribution> contributions) {
    }

    @Schema(name = "ScoreContribution")
    public record Contribution(@Schema(examples = "title") String field, @Schema(examples = "pyongyang") String term, double score) {
    }
}
