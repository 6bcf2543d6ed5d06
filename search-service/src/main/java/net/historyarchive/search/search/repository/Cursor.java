package net.historyarchive.search.search.repository;

import net.historyarchive.search.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort key and id of the last hit shown, bound to the search it came from
 * (a fingerprint of query, filters and sort) so it cannot be replayed against another search.
 * Opaque to clients; a keyset never skips or repeats a document when others are added.
 */
public record Cursor(String fingerprint, String key, UUID id) {

    public String encode() {
        String plain = "v1\n" + fingerprint + "\n" + Base64.getUrlEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)) + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token, String expectedFingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !parts[0].equals("v1")) {
                throw invalid("not a cursor issued by this service");
            }
            if (!parts[1].equals(expectedFingerprint)) {
                throw invalid("this cursor belongs to a different query, filters or sort");
            }
            return new Cursor(parts[1], new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid("not a cursor issued by this service");
        }
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidParameter("cursor", message);
    }
}
