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
}
