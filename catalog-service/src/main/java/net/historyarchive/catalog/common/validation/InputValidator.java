package net.historyarchive.catalog.common.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

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
    public List<FieldError> errorsOf(Object input) {
        if (input == null) {
            return List.of(new FieldError("", "a JSON object is required"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            errors.add(new FieldError(jsonPath(violation), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** @throws InvalidInputException when {@code errors} is not empty */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw InvalidInputException.of(errors);
        }
    }

    /**
     * The JSON path of a violation ("texts[0].kind", "subjects[2]"), from the property path's nodes:
     * method and parameter nodes (method validation) and Hibernate's "&lt;list element&gt;" are dropped.
     */
    public static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.toString();
    }
}
