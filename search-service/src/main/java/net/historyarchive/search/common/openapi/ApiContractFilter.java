package net.historyarchive.search.common.openapi;

import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;
import java.util.Map;

/**
 * Applies the API's conventions ({@link OpenApiConventions}, the same as catalog-service's) to the
 * whole generated document, so resources only say what is particular to them. Registered with
 * {@code mp.openapi.filter}; runs at build time, so the stored document (target/openapi) and the
 * served one are the same.
 */
public class ApiContractFilter implements OASFilter {

    private static final String JWT_SCHEME = "adminJwt";
    private static final String INSTANCE = "/api/v1/search";

    /** The problem responses operations refer to, by status; the detail is an example occurrence. */
    private static final Map<String, OpenApiConventions.ProblemResponse> PROBLEMS = Map.ofEntries(
            problem("400", "BadRequest", ProblemType.VALIDATION_FAILED,
                    "An unknown, repeated or invalid parameter (all listed in `errors`), or a query syntax error "
                            + "(type invalid-query, which says where).",
                    "1 parameter is invalid", List.of(Map.of("field", "size", "message", "expected a whole number from 1 to 100"))),
            problem("401", "Unauthorized", ProblemType.UNAUTHORIZED,
                    "No bearer token, or one that is invalid or expired.", "A valid bearer token is required"),
            problem("403", "Forbidden", ProblemType.FORBIDDEN,
                    "The token lacks the role archive-admin.", "This operation needs the role archive-admin"),
            problem("404", "NotFound", ProblemType.NOT_FOUND,
                    "Not there (unknown, deleted, or not applied yet).", "document 0b5e5a7e-2b1c-4c57-9a55-d7ab5a2d9e10 is not in the search view"),
            problem("406", "NotAcceptable", ProblemType.NOT_ACCEPTABLE,
                    "No representation of this resource matches the request's Accept header.",
                    "This resource is available as application/json"),
            problem("409", "Conflict", ProblemType.CONFLICT,
                    "The same operation is already running.", "A rebuild is already running"),
            problem("415", "UnsupportedMediaType", ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body's Content-Type is not one this operation takes.", "Send application/json"),
            problem("503", "ServiceUnavailable", ProblemType.SERVICE_UNAVAILABLE,
                    "The search engine or the catalog cannot be reached; retry later.", "The search engine cannot be reached"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new OpenApiConventions(openAPI, Problem.MEDIA_TYPE, "Problem").apply(PROBLEMS, JWT_SCHEME);
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
