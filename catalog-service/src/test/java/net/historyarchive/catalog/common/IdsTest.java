package net.historyarchive.catalog.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariantAndTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after + 1, "timestamp " + millis + " within [" + before + ", " + after + "]");
    }

    @Test
    void idsMadeInQuickSuccessionSortInCreationOrderAsPostgresComparesThem() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.newId());
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique");
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuid by unsigned bytes; the canonical text form sorts the same way.
            assertTrue(ids.get(i - 1).toString().compareTo(ids.get(i).toString()) < 0, "id " + i + " sorts after id " + (i - 1));
            assertEquals(7, ids.get(i).version());
        }
    }
}
