package net.historyarchive.catalog.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The error contract both services answer with, contracts/schemas/problem.v1.schema.json, read
 * from the repository so the tests check the very file search-service is tested against too.
 */
public final class ProblemContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema(Path.of("..", "contracts", "schemas", "problem.v1.schema.json"));

    private ProblemContract() {
    }

    /** @return every way {@code problemJson} breaks the contract; empty when it conforms */
    public static List<String> violations(String problemJson) {
        try {
            return SCHEMA.validate(JSON.readTree(problemJson)).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** Matches a response body that conforms to the contract. */
    public static Matcher<String> conforms() {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(String body, Description mismatch) {
                List<String> violations = violations(body);
                mismatch.appendText("breaks problem.v1.schema.json: ").appendValue(violations);
                return violations.isEmpty();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a problem conforming to contracts/schemas/problem.v1.schema.json");
            }
        };
    }

    private static JsonSchema schema(Path file) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
