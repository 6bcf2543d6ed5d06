package net.historyarchive.search.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The result of comparing the catalog with the search view by id and version. */
@Schema(name = "ConsistencyReport")
public record ConsistencyReport(
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Whether differences were repaired in this run.") boolean repair,
        @Schema(description = "Documents the catalog holds.") long catalogDocuments,
        @Schema(description = "Deletions the catalog's feed lists.") long catalogDeletions,
        @Schema(description = "Documents the view holds (tombstones not counted).") long viewDocuments,
        @Schema(description = "Deletions the view holds as versioned tombstones.") long viewTombstones,
        @Schema(description = "In the catalog, not (or only as an older deletion) in the view.") long missing,
        @Schema(description = "In the view at a lower version than the catalog's.") long stale,
        @Schema(description = "In the view, but deleted in the catalog or unknown to it.") long phantoms,
        @Schema(description = "In the view at a higher version than the catalog's (the catalog lost a write it had published); never repaired automatically.")
        long ahead,
        @Schema(description = "missing + stale + phantoms + ahead.") long differences,
        @Schema(description = "Differences repaired by this run (only with repair).") long repaired,
        @Schema(description = "The first differences, at most " + ConsistencyReport.LISTED + ".") List<Difference> listed) {

    static final int LISTED = 1000;

    public enum Kind { MISSING, STALE, PHANTOM, AHEAD }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsistencyDifference")
    public record Difference(UUID id, Kind kind,
                             @Schema(description = "The catalog's version; absent when the catalog does not know the document.") Long catalogVersion,
                             @Schema(description = "The catalog holds this version as a deletion.") Boolean catalogDeleted,
                             @Schema(description = "The view's version; absent when the view lacks the document.") Long viewVersion,
                             @Schema(description = "The view holds this version as a deletion.") Boolean viewDeleted,
                             boolean repaired) {
    }
}
