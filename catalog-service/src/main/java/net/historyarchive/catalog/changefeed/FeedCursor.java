package net.historyarchive.catalog.changefeed;

import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.validation.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Position in the change feed: the (transaction id, document id) of the last change seen. Opaque to clients. */
record FeedCursor(long txid, UUID id) {

    static final FeedCursor START = new FeedCursor(0, new UUID(0, 0));

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("feed:" + txid + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].equals("feed")) {
                throw new IllegalArgumentException();
            }
            return new FeedCursor(Long.parseLong(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("Query parameter 'cursor' is invalid",
                    List.of(new FieldError("cursor", "is not a cursor returned by this feed")));
        }
    }
}
