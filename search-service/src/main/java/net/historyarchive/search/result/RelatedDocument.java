package net.historyarchive.search.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A document related to another, with why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "A related document and the reasons it is related.")
public record RelatedDocument(
        @Schema(description = "Its id.") String id,
        @Schema(description = "Its title.") String title,
        @Schema(description = "Its date as the record shows it.", examples = "September 1956") String date,
        @Schema(description = "Why it is related, strongest first: `linked` (an explicit link, either way), `same-people`, "
                + "`same-places`, `similar-text`.", examples = "[\"linked\", \"same-people\"]") List<String> reasons,
        @Schema(description = "The reasons in words.", examples = "[\"Linked from this document\", \"Also names Kim Il Sung\"]")
        List<String> because,
        @Schema(description = "People both documents name (preferred forms).") List<String> people,
        @Schema(description = "Places both documents name (preferred forms).") List<String> places) {
}
