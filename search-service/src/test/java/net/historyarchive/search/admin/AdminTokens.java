package net.historyarchive.search.admin;

import net.historyarchive.infra.DevToken;

import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the development key (as catalog-service's tests mint them). */
final class AdminTokens {

    private AdminTokens() {
    }

    static String admin() {
        return "Bearer " + DevToken.mint("test-admin", List.of("archive-admin"), Duration.ofHours(1));
    }

    /** A valid token of the catalog's archivist: may edit records, not administer search. */
    static String archivist() {
        return "Bearer " + DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(1));
    }

    static String expiredAdmin() {
        return "Bearer " + DevToken.mint("test-admin", List.of("archive-admin"), Duration.ofHours(-1));
    }
}
