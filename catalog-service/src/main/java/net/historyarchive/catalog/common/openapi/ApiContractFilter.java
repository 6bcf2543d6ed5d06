package net.historyarchive.catalog.common.openapi;

import net.historyarchive.catalog.common.http.ApiMediaTypes;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemType;
import net.historyarchive.catalog.document.importing.DocumentImportResource;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.List;
import java.util.Map;

/**
 * Applies the API's conventions ({@link OpenApiConventions}) to the whole generated document, so
 * resources only say what is particular to them. Registered with {@code mp.openapi.filter}; runs at
 * build time, so the stored document (target/openapi) and the served one are the same.
 */
public class ApiContractFilter implements OASFilter {

    private static final String JWT_SCHEME = "archivistJwt";
    private static final String INSTANCE = "/api/v1/documents";

    /** The problem responses operations refer to, by status; the detail is an example occurrence. */
    private static final Map<String, OpenApiConventions.ProblemResponse> PROBLEMS = Map.ofEntries(
            problem("400", "BadRequest", ProblemType.VALIDATION_FAILED,
                    "Malformed JSON, an invalid field or query parameter; `errors` lists each field and why.",
                    "1 field is invalid", List.of(Map.of("field", "date.start", "message", "not a date: 1956-02-30"))),
            problem("401", "Unauthorized", ProblemType.UNAUTHORIZED,
                    "No bearer token, or one that is invalid or expired.", "A valid bearer token is required"),
            problem("403", "Forbidden", ProblemType.FORBIDDEN,
                    "The token lacks the role this operation needs.", "This operation needs a role the token does not have"),
            problem("404", "NotFound", ProblemType.NOT_FOUND,
                    "No record with this id.", "No document with id 0b5e5a7e-2b1c-4c57-9a55-d7ab5a2d9e10"),
            problem("406", "NotAcceptable", ProblemType.NOT_ACCEPTABLE,
                    "No representation of this resource matches the request's Accept header.",
                    "This resource is available as application/json"),
            problem("409", "Conflict", ProblemType.CONFLICT,
                    "The change conflicts with the current state (e.g. a collection that still has documents).",
                    "The collection still has 3 documents"),
            problem("412", "PreconditionFailed", ProblemType.PRECONDITION_FAILED,
                    "If-Match is stale: the record changed since it was read. Read it again and reapply the change.",
                    "The document is at version 4, not 3"),
            problem("413", "PayloadTooLarge", ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is larger than the limit.", "The body is larger than 4194304 bytes"),
            problem("415", "UnsupportedMediaType", ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body's Content-Type is not one this operation takes.", "Send application/json"),
            problem("428", "PreconditionRequired", ProblemType.PRECONDITION_REQUIRED,
                    "If-Match is missing: every change names the version (ETag) it is based on.",
                    "Send If-Match with the document's ETag"),
            problem("503", "ShuttingDown", ProblemType.SHUTTING_DOWN,
                    "This instance is shutting down; nothing was written. Retry: another instance answers.",
                    "This instance is shutting down"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiConventions conventions = new OpenApiConventions(openAPI, Problem.MEDIA_TYPE, "Problem");
        conventions.forEachOperation((path, operation) -> restoreNdjsonExample(operation));
        conventions.apply(PROBLEMS, JWT_SCHEME);
    }

    /** The NDJSON example as the text it is (see {@link DocumentImportResource#NDJSON_EXAMPLE}). */
    private static void restoreNdjsonExample(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        var ndjson = operation.getRequestBody().getContent().getMediaType(ApiMediaTypes.NDJSON);
        if (ndjson != null && ndjson.getExamples() != null) {
            ndjson.getExamples().values().stream().filter(e -> !(e.getValue() instanceof String))
                    .forEach(e -> e.setValue(DocumentImportResource.NDJSON_EXAMPLE));
        }
    }

    private static Map.Entry<String, OpenApiConventions.ProblemResponse> problem(String status, String name, ProblemType type,
                                                                               String description, String detail) {
        return problem(status, name, type, description, detail, List.of());
    }

    private static Map.Entry<String, OpenApiConventions.ProblemResponse> problem(String status, String name, ProblemType type,
                                                                               String description, String detail,
                                                                               List<Map<String, String>> errors) {
        return Map.entry(status, new OpenApiConventions.ProblemResponse(name, type.uri(), type.title(), description,
                detail, INSTANCE, errors));
    }
}
