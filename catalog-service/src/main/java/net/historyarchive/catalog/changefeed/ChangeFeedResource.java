package net.historyarchive.catalog.changefeed;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.historyarchive.catalog.common.http.QueryParams;
import net.historyarchive.catalog.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed", description = "Follow every change of the archive over HTTP")
public class ChangeFeedResource {

    private final ChangeFeedService feed;

    public ChangeFeedResource(ChangeFeedService feed) {
        this.feed = feed;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listChanges", summary = "Changes since a cursor", description = """
            Every document created, changed or deleted after the cursor, in commit order. Start without \
            a cursor to read the whole archive, then keep calling with nextCursor. Each document appears \
            once, at its latest version (like a compacted log); deletions appear as DELETE with the \
            version of the deletion. No change is ever skipped: changes of transactions still running \
            are held back until they commit.""")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeFeedPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeFeedPage changes(
            @Parameter(description = "nextCursor of the previous page; omit to start from the beginning.") @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") String limit) {
        return feed.changesAfter(cursor, QueryParams.intInRange("limit", limit, 1, 1000));
    }
}
