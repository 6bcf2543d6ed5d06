package net.historyarchive.search.common.problem;

import java.util.List;

/** Ends a request with a specific problem; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalidParameter(String parameter, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message))));
    }
}
