package net.historyarchive.catalog.common.problem;

/**
 * Thrown at the HTTP edge (resources, request parameters and headers) to end a request with a
 * specific problem; mapped to problem+json. Services throw domain exceptions instead.
 */
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
}
