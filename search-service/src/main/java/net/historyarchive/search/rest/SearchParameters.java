package net.historyarchive.search.rest;

import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.common.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks for the endpoints that take a search's parameters but set some of them themselves (export, feed). */
final class SearchParameters {

    private SearchParameters() {
    }

    /** The errors for each parameter of {@code refused} given, one 400 problem with every error (and {@code earlier} ones). */
    static void refuse(Map<String, List<String>> parameters, Set<String> refused, String why, String detail,
                       List<Problem.FieldError> earlier) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>(earlier);
        parameters.keySet().stream().filter(refused::contains).sorted()
                .forEach(p -> errors.add(new Problem.FieldError(p, why + "; leave out " + p)));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors));
        }
    }
}
