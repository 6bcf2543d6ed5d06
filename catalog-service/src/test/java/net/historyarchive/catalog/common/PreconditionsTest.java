package net.historyarchive.catalog.common;

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
        assertDoesNotThrow(() -> Preconditions.check(null, 42));
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

    @Test
    void aStaleVersionIs412() {
        assertEquals(412, status(() -> Preconditions.check(2L, 3)));
        assertDoesNotThrow(() -> Preconditions.check(3L, 3));
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().status();
    }
}
