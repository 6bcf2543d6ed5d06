package net.historyarchive.catalog.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemType;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.support.ProblemContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type this service can answer with is registered in the shared error contract with
 * the same status and title (so the same URI means the same problem in search-service), and the
 * contract rejects what it should. Real responses are checked by support.Problems in every test.
 */
class ProblemContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** HTTP_ERROR's status varies (below); IMPORT_REJECTED's extension members are checked on real answers (AtomicImportTest). */
    @ParameterizedTest
    @EnumSource(value = ProblemType.class, names = {"HTTP_ERROR", "IMPORT_REJECTED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyProblemTypeIsInTheContract(ProblemType type) throws Exception {
        String problem = JSON.writeValueAsString(Problem.of(type, "what went wrong").withInstance("/api/v1/documents"));
        assertThat(ProblemContract.violations(problem)).as(type.uri()).isEmpty();
    }

    @Test
    void anyOtherHttpErrorCarriesItsOwnStatus() throws Exception {
        Problem teapot = new Problem(ProblemType.HTTP_ERROR.uri(), "I'm a teapot", 418, "short and stout", "/x", List.of());
        assertThat(ProblemContract.violations(JSON.writeValueAsString(teapot))).isEmpty();
    }

    @Test
    void validationErrorsNameTheirField() throws Exception {
        Problem problem = Problem.of(ProblemType.VALIDATION_FAILED, "1 field is invalid",
                List.of(new FieldError("date.end", "must not be before date.start")));
        assertThat(ProblemContract.violations(JSON.writeValueAsString(problem))).isEmpty();
        assertThat(ProblemContract.violations(JSON.writeValueAsString(problem).replace("\"field\"", "\"parameter\""))).isNotEmpty();
    }

    @Test
    void aKnownTypeWithAnotherStatusOrTitleOrAnUnknownTypeIsRejected() throws Exception {
        String notFound = JSON.writeValueAsString(Problem.of(ProblemType.NOT_FOUND, "document x does not exist"));
        assertThat(ProblemContract.violations(notFound.replace("404", "410"))).isNotEmpty();
        assertThat(ProblemContract.violations(notFound.replace("Not found", "Gone"))).isNotEmpty();
        assertThat(ProblemContract.violations(notFound.replace("not-found", "gone"))).isNotEmpty();
        assertThat(ProblemContract.violations(notFound.replace("}", ", \"stack\": \"at java.lang\"}"))).isNotEmpty();
    }
}
