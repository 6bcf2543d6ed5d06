package net.historyarchive.catalog.common.http;

import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import net.historyarchive.catalog.common.validation.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Parses query and path parameters by hand, so a bad value is a 400 (or 404 for an id in the
 * path) naming the parameter, rather than the framework's generic 404 for unparseable params.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "'" + value + "' is not a valid id (UUID)");
        }
    }

    /** A malformed id in a path names no resource: 404, as for an id that does not exist. */
    public static UUID pathId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "'" + value + "' is not a valid id, so nothing exists under it");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + value + "' is not an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
        }
    }

    public static int intInRange(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    public static boolean bool(String name, String value) {
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw invalid(name, "must be true or false");
    }

    private static ProblemException invalid(String name, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "Query parameter '" + name + "' is invalid",
                List.of(new FieldError(name, message))));
    }
}
