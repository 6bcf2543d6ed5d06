package net.historyarchive.catalog.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.validation.InvalidInputException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions into invalid input a client can act on: which field, and what was
 * expected, without leaking Java class names.
 */
public final class JsonErrorDescriber {

    private JsonErrorDescriber() {
    }

    public static InvalidInputException describe(JsonProcessingException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax == null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            return InvalidInputException.of("The request body has a field of the wrong shape",
                    List.of(new FieldError(field, message(mapping))));
        }
        JsonProcessingException located = syntax != null ? syntax : e;
        String location = located.getLocation() == null ? ""
                : " at line " + located.getLocation().getLineNr() + ", column " + located.getLocation().getColumnNr();
        if (syntax == null && e instanceof MismatchedInputException) {
            // Valid JSON of the wrong shape as a whole (an array, a string, nothing, or a second value):
            // Jackson's message would name the Java class it was reading into.
            return InvalidInputException.unreadable("The request body must be exactly one JSON object" + location);
        }
        return InvalidInputException.unreadable("The request body is not valid JSON" + location
                + ": " + located.getOriginalMessage());
    }

    /**
     * Jackson wraps a syntax error (or invalid UTF-8) met while reading a field's value with that
     * field's path; it is still a body that is not JSON, not a field of the wrong shape.
     */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target == String.class) {
                // SafeText reports why a text is unacceptable; anything else aimed at a text is a number or boolean.
                return invalid.getValue() instanceof String ? invalid.getOriginalMessage() : "must be a string";
            }
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            if (target != null && Temporal.class.isAssignableFrom(target)) {
                return "'" + invalid.getValue() + "' is not a valid " + temporalFormat(target);
            }
            if (target == java.util.UUID.class) {
                return "'" + invalid.getValue() + "' is not a valid id (UUID)";
            }
            return "'" + invalid.getValue() + "' is not " + simpleType(target);
        }
        if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            if (target != null && Temporal.class.isAssignableFrom(target)) {
                return "must be a " + temporalFormat(target) + " string";
            }
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            return "must be " + simpleType(target);
        }
        return e.getOriginalMessage();
    }

    private static String temporalFormat(Class<?> target) {
        return switch (target.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (RFC 3339, e.g. 2026-01-31T12:00:00Z)";
            default -> "date or time";
        };
    }

    private static String simpleType(Class<?> target) {
        if (target == null) {
            return "a value of another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
