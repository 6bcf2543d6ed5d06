package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.domain.VersionConflictException;
import net.historyarchive.catalog.common.http.Preconditions;
import net.historyarchive.catalog.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreconditionsTest {

    @Test
    void theEtagIsTheQuotedVersion() {
        assertEquals("\"3\"", Preconditions.etag(3));
    }

    @Test
    void aQuotedOrBareVersionIsParsed() {
        assertEquals(3L, Preconditions.expectedVersion("\"3\""));
        assertEquals(3L, Preconditions.expectedVersion(" \"3\" "));
        assertEquals(12L, Preconditions.expectedVersion("12"));
    }

    @Test
    void starMeansAnyVersion() {
        assertNull(Preconditions.expectedVersion("*"));
        assertDoesNotThrow(() -> VersionConflictException.check(null, 42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMissingIfMatchIs428(String value) {
        assertEquals(428, status(() -> Preconditions.expectedVersion(value)));
        assertEquals(428, status(() -> Preconditions.expectedVersion(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"1\", \"2\"", "\"three\"", "\"\"", "\"", "\"+3\"", "\"-3\"", "\"\u0663\"", "\" 3\"",
            "\"99999999999999999999\""})
    void anEtagThisServiceDidNotIssueIs412(String value) {
        assertEquals(412, status(() -> Preconditions.expectedVersion(value)));
    }

    /** The service's check; ProblemMappers answers VersionConflictException with 412. */
    @Test
    void aStaleVersionIsAVersionConflict() {
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> VersionConflictException.check(2L, 3));
        assertEquals(2, e.expected());
        assertEquals(3, e.current());
        assertDoesNotThrow(() -> VersionConflictException.check(3L, 3));
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().status();
    }
}
