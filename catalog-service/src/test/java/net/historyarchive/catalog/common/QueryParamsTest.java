package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.http.QueryParams;
import net.historyarchive.catalog.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParamsTest {

    @Test
    void limitsOutsideTheRangeOrNotWholeNumbersAreNamed() {
        assertEquals(1, QueryParams.intInRange("limit", "1", 1, 500));
        assertEquals(500, QueryParams.intInRange("limit", "500", 1, 500));
        for (String bad : new String[]{"0", "501", "-1", "abc", "1.5", "", " 5", "99999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.intInRange("limit", bad, 1, 500), bad);
            assertEquals(400, e.problem().status());
            assertEquals("limit", e.problem().errors().get(0).field());
        }
    }

    @Test
    void instantsAreRfc3339WithAnOffset() {
        assertEquals(Instant.parse("2026-01-31T10:00:00Z"), QueryParams.instant("updatedSince", "2026-01-31T12:00:00+02:00"));
        assertNull(QueryParams.instant("updatedSince", null));
        for (String bad : new String[]{"yesterday", "2026-01-31", "2026-01-31T12:00:00"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.instant("updatedSince", bad));
            assertEquals("updatedSince", e.problem().errors().get(0).field());
        }
    }

    @Test
    void pathIdsMustBeCanonicalUuidsElse404() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.pathId(id.toString()));
        assertEquals(id, QueryParams.pathId(id.toString().toUpperCase()));
        for (String bad : new String[]{"x", "1-1-1-1-1", id + "0", ""}) {
            assertEquals(404, assertThrows(ProblemException.class, () -> QueryParams.pathId(bad)).problem().status(), bad);
        }
    }

    @Test
    void booleansAreExactlyTrueOrFalse() {
        assertEquals(true, QueryParams.bool("x", "true"));
        assertEquals(false, QueryParams.bool("x", "false"));
        assertEquals(400, assertThrows(ProblemException.class, () -> QueryParams.bool("x", "yes")).problem().status());
    }
}
