package net.historyarchive.catalog.common.validation;

import java.util.List;

/**
 * The caller's input cannot be accepted: fields that break the rules, or (unreadable) input that
 * is not the one JSON object expected at all. Nothing has been written. The HTTP edge answers it
 * with a 400 problem (validation-failed, or malformed-request when unreadable).
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;
    private final boolean unreadable;

    private InvalidInputException(String detail, List<FieldError> errors, boolean unreadable) {
        super(detail);
        this.errors = List.copyOf(errors);
        this.unreadable = unreadable;
    }

    /** Fields that break the rules, with the detail "N fields are invalid". */
    public static InvalidInputException of(List<FieldError> errors) {
        return new InvalidInputException(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors, false);
    }

    public static InvalidInputException of(String detail, List<FieldError> errors) {
        return new InvalidInputException(detail, errors, false);
    }

    /** Input that is not JSON, or not one object: there is no field to name. */
    public static InvalidInputException unreadable(String detail) {
        return new InvalidInputException(detail, List.of(), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
