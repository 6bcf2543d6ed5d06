package net.historyarchive.catalog.common.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs Bean Validation on a request body and reports each failing field by its JSON path. */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    public InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** @return the field errors of {@code input}, empty when valid. */
    public List<Problem.FieldError> errorsOf(Object input) {
        if (input == null) {
            return List.of(new Problem.FieldError("", "a JSON object is required"));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            errors.add(new Problem.FieldError(jsonPath(violation), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    public static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, detail, List.copyOf(errors)));
        }
    }

    /** Hibernate Validator writes "subjects[0].<list element>"; clients want "subjects[0]". */
    static String jsonPath(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString()
                .replace(".<list element>", "")
                .replace("<list element>", "");
    }
}
