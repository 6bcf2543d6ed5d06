package net.historyarchive.catalog.support;

import net.historyarchive.infra.DevToken;

import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the development key, as an archivist and as a mere reader. */
public final class Tokens {

    private Tokens() {
    }

    public static String archivist() {
        return "Bearer " + DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(1));
    }

    public static String reader() {
        return "Bearer " + DevToken.mint("test-reader", List.of("reader"), Duration.ofHours(1));
    }

    /** An archivist token that expired an hour ago (well beyond any clock-skew allowance). */
    public static String expiredArchivist() {
        return "Bearer " + DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(-1));
    }

    /** An archivist token whose signature no longer matches its claims. */
    public static String tamperedArchivist() {
        String token = DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(1));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        return "Bearer " + token.substring(0, token.lastIndexOf('.') + 1)
                + signature.substring(0, 10) + flipped + signature.substring(11);
    }
}
