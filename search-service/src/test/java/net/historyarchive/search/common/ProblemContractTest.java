package net.historyarchive.search.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.search.support.ProblemContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type search-service can answer with is registered in the error contract it shares
 * with catalog-service, with the same status and title; parameter errors are {field, message}.
 */
class ProblemContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(value = ProblemType.class, names = "HTTP_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void everyProblemTypeIsInTheContract(ProblemType type) throws Exception {
        String problem = JSON.writeValueAsString(new Problem(type.uri(), type.title(), type.status(), "what went wrong",
                "/api/v1/search", List.of()));
        assertThat(ProblemContract.violations(problem)).as(type.uri()).isEmpty();
    }

    @Test
    void aRejectedParameterIsAFieldError() throws Exception {
        Problem problem = Problem.of(ProblemType.VALIDATION_FAILED, "size: must be between 1 and 100",
                List.of(new Problem.FieldError("size", "must be between 1 and 100")));
        assertThat(ProblemContract.violations(JSON.writeValueAsString(problem))).isEmpty();
    }
}
