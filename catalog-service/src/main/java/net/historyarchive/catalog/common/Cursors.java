package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.validation.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Opaque keyset cursors: clients pass them back, never build them, so the format may change. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("id:")) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text.substring(3));
        } catch (IllegalArgumentException e) {
            // Named like every other invalid query parameter, so clients find it in the errors list.
            throw InvalidInputException.of("Query parameter 'cursor' is invalid",
                    List.of(new FieldError("cursor", "'" + cursor + "' is not a cursor returned by this API")));
        }
    }
}
