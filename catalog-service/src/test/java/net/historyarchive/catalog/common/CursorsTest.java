package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorsTest {

    @Test
    void aCursorDecodesToTheIdItWasMadeFrom() {
        UUID id = Ids.newId();
        String cursor = Cursors.encode(id);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + cursor);
        assertEquals(id, Cursors.decode(cursor));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(Cursors.decode(null));
        assertNull(Cursors.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!", "aWQ6bm90LWEtdXVpZA", "MDE5MGY1ZDItOGMxZS03YjRhLTlmM2UtMmExYjNjNGQ1ZTZm"})
    void aCursorThisApiDidNotIssueIsAValidationProblemNamingTheCursor(String cursor) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Cursors.decode(cursor));
        assertEquals("cursor", e.errors().get(0).field());
    }
}
