package net.historyarchive.search.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Generic rewrites of a generated OpenAPI model that make it lint clean and usable by client
 * generators. Knows nothing of this service's operations; {@link ApiContractFilter} says what to apply.
 */
final class OpenApiConventions {

    private final OpenAPI openAPI;
    private final String problemMediaType;
    private final String problemSchema;
    /** Shared responses some operation refers to: only those are declared (no unused components). */
    private final Set<String> referenced = new HashSet<>();

    OpenApiConventions(OpenAPI openAPI, String problemMediaType, String problemSchema) {
        this.openAPI = openAPI;
        this.problemMediaType = problemMediaType;
        this.problemSchema = problemSchema;
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
    }

    /**
     * The whole set: problem responses of the table shared by reference, security declared on every
     * operation (with 401 and 403 where {@code scheme} is needed), 415 and 406 where the HTTP layer
     * may answer them, a schema on every header and parameter, no unused security scheme.
     */
    void apply(Map<String, ProblemResponse> problems, String scheme) {
        forEachOperation((path, operation) -> {
            referProblemResponses(operation, problems.keySet(), status -> problems.get(status).name());
            declareSecurity(operation, scheme, problems.get("401").name(), problems.get("403").name());
            declareGenericProblems(operation, problems.get("415").name(), problems.get("406").name());
        });
        problems.forEach((status, problem) -> declareProblemResponse(problem.name(), problem.description(),
                problem.example(Integer.parseInt(status))));
        giveSchemasToHeadersAndParameters();
        removeUnusedSecuritySchemes();
    }

    /** A shared problem response: its component name, problem type, when it happens, an example occurrence. */
    record ProblemResponse(String name, String typeUri, String title, String description, String detail,
                           String instance, List<Map<String, String>> errors) {

        Map<String, Object> example(int status) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", typeUri);
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("instance", instance);
            if (!errors.isEmpty()) {
                problem.put("errors", errors);
            }
            return problem;
        }
    }

    void forEachOperation(BiConsumer<String, Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> action.accept(path, operation)));
    }

    /**
     * A reusable response {@code components.responses.<name>}: problem+json with one example; declared
     * only when an operation refers to it.
     */
    void declareProblemResponse(String name, String description, Object example) {
        if (!referenced.contains(name)) {
            return;
        }
        var content = OASFactory.createContent().addMediaType(problemMediaType, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + problemSchema))
                .addExample(name, OASFactory.createExample().value(example)));
        openAPI.getComponents().addResponse(name, OASFactory.createAPIResponse().description(description).content(content));
    }

    /** Replaces each inline problem response with a status in {@code shared} by a reference to the shared one. */
    void referProblemResponses(Operation operation, Set<String> shared, Function<String, String> nameOf) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : Map.copyOf(operation.getResponses().getAPIResponses()).entrySet()) {
            if (shared.contains(entry.getKey()) && isPlainProblem(entry.getValue())) {
                operation.getResponses().addAPIResponse(entry.getKey(), ref(nameOf.apply(entry.getKey())));
            }
        }
    }

    private boolean isPlainProblem(APIResponse response) {
        if (response.getRef() != null || response.getContent() == null) {
            return false;
        }
        var problem = response.getContent().getMediaType(problemMediaType);
        return problem != null && problem.getSchema() != null
                && ("#/components/schemas/" + problemSchema).equals(problem.getSchema().getRef());
    }

    /**
     * An operation that declares no security requirement is public and says so ({@code security: []});
     * one that needs {@code scheme} answers 401 and 403 as the shared problems.
     */
    void declareSecurity(Operation operation, String scheme, String unauthorized, String forbidden) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>());
            return;
        }
        boolean needsScheme = operation.getSecurity().stream().anyMatch(r -> r.hasScheme(scheme));
        if (needsScheme) {
            if (operation.getResponses().getAPIResponse("401") == null) {
                operation.getResponses().addAPIResponse("401", ref(unauthorized));
            }
            if (operation.getResponses().getAPIResponse("403") == null) {
                operation.getResponses().addAPIResponse("403", ref(forbidden));
            }
        }
    }

    /**
     * Problems the HTTP layer answers for any operation, declared where they matter to a client: 415
     * wherever a body is taken, and 406 on an operation that otherwise lists no 4xx at all.
     */
    void declareGenericProblems(Operation operation, String unsupportedMediaType, String notAcceptable) {
        var responses = operation.getResponses().getAPIResponses();
        if (operation.getRequestBody() != null && !responses.containsKey("415")) {
            operation.getResponses().addAPIResponse("415", ref(unsupportedMediaType));
        }
        if (responses.keySet().stream().noneMatch(status -> status.startsWith("4"))) {
            operation.getResponses().addAPIResponse("406", ref(notAcceptable));
        }
    }

    /** Every response header and parameter without a schema is a string (a generator needs a type). */
    void giveSchemasToHeadersAndParameters() {
        forEachOperation((path, operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> p.getRef() == null && p.getSchema() == null && p.getContent() == null)
                        .forEach(p -> p.setSchema(stringSchema()));
                operation.getParameters().stream().filter(p -> p.getSchema() != null)
                        .forEach(p -> typeDefault(p.getSchema()));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(r -> r.getHeaders() != null)
                        .flatMap(r -> r.getHeaders().values().stream())
                        .filter(h -> h.getRef() == null && h.getSchema() == null && h.getContent() == null)
                        .forEach(h -> h.setSchema(stringSchema()));
            }
        });
    }

    /** A default taken from {@code @DefaultValue} is text; a boolean or integer parameter's default must be one too. */
    private static void typeDefault(Schema schema) {
        if (!(schema.getDefaultValue() instanceof String text) || schema.getType() == null) {
            return;
        }
        if (schema.getType().contains(Schema.SchemaType.BOOLEAN)) {
            schema.setDefaultValue(Boolean.valueOf(text));
        } else if (schema.getType().contains(Schema.SchemaType.INTEGER)) {
            schema.setDefaultValue(Long.valueOf(text));
        }
    }

    /** Drops security schemes no operation uses (e.g. one an extension adds on its own). */
    void removeUnusedSecuritySchemes() {
        Components components = openAPI.getComponents();
        if (components.getSecuritySchemes() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        forEachOperation((path, operation) -> {
            if (operation.getSecurity() != null) {
                operation.getSecurity().stream().map(SecurityRequirement::getSchemes).forEach(s -> used.addAll(s.keySet()));
            }
        });
        Set.copyOf(components.getSecuritySchemes().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(components::removeSecurityScheme);
    }

    static Schema stringSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private APIResponse ref(String name) {
        referenced.add(name);
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}
