package net.historyarchive.catalog.common.http;

import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP. Every representation carries its version as a strong ETag
 * ({@code "3"}); every write must send If-Match with the version it was based on, so a client can
 * never overwrite a change it has not seen. A missing If-Match is 428, a stale one 412 (the
 * service compares versions and throws VersionConflictException, mapped by ProblemMappers).
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Parses If-Match into the expected version; {@code null} stands for "*" (any version). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you read (for example If-Match: \"3\"); "
                            + "this prevents overwriting a change you have not seen");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match needs a strong ETag, not " + value);
        }
        if (value.contains(",")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match must name exactly one version");
        }
        String digits = value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1) : value;
        // ASCII digits only: Long.parseLong also takes "+1" and other scripts' digits, which no ETag of ours holds.
        if (!digits.matches("[0-9]{1,18}")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + value + " is not an ETag this service issued");
        }
        return Long.parseLong(digits);
    }
}
