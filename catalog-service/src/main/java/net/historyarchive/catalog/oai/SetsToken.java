package net.historyarchive.catalog.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a ListSets list stands, carried by the harvester like {@link ResumptionToken}. Sets
 * (collections) are listed in id order after {@code lastId}, so a collection created or deleted
 * while the list is read never makes another one skipped or repeated.
 */
record SetsToken(UUID lastId, long cursor, long completeListSize, Instant issuedAt) {

    private static final String KIND = "1|ListSets";

    String encode() {
        String text = String.join("|", KIND, lastId.toString(), Long.toString(cursor), Long.toString(completeListSize),
                Long.toString(issuedAt.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws OaiException badResumptionToken unless the token is a ListSets token this repository issued */
    static SetsToken decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(KIND + "|")) {
                throw new IllegalArgumentException();
            }
            String[] p = text.substring(KIND.length() + 1).split("\\|", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException();
            }
            return new SetsToken(UUID.fromString(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Instant.ofEpochSecond(Long.parseLong(p[3])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new OaiException(OaiErrorCode.badResumptionToken, "The resumptionToken is not a ListSets token this repository issued");
        }
    }
}
