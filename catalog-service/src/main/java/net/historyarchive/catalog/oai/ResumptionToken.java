package net.historyarchive.catalog.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a list stands, carried by the harvester (the server keeps no state). A list is read in
 * id order with the bounds frozen at its first request: {@code horizon} is the datestamp of the
 * stamping run of that request, so records that change while the list is read (datestamp after
 * the horizon) stay in it, and id order means none is read twice. {@code lastId} is the last
 * id delivered; {@code cursor} counts the records before the next page.
 */
record ResumptionToken(OaiVerb verb, MetadataFormat format, UUID set, Instant from, Instant untilExclusive,
                       Instant horizon, UUID lastId, long cursor, long completeListSize, Instant issuedAt) {

    private static final String VERSION = "1";

    String encode() {
        String text = String.join("|", VERSION, verb.name(), format.prefix(), set == null ? "" : set.toString(),
                micros(from), micros(untilExclusive), micros(horizon), lastId.toString(), Long.toString(cursor),
                Long.toString(completeListSize), Long.toString(issuedAt.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws OaiException badResumptionToken unless the token is one this repository issued for this verb */
    static ResumptionToken decode(String token, OaiVerb verb) {
        ResumptionToken parsed;
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (p.length != 11 || !p[0].equals(VERSION)) {
                throw new IllegalArgumentException();
            }
            parsed = new ResumptionToken(OaiVerb.valueOf(p[1]), MetadataFormat.of(p[2]),
                    p[3].isEmpty() ? null : UUID.fromString(p[3]), instant(p[4]), instant(p[5]), instant(p[6]),
                    UUID.fromString(p[7]), Long.parseLong(p[8]), Long.parseLong(p[9]), Instant.ofEpochSecond(Long.parseLong(p[10])));
        } catch (IllegalArgumentException | OaiException | java.time.DateTimeException e) {
            throw new OaiException(OaiErrorCode.badResumptionToken, "The resumptionToken is not one this repository issued");
        }
        if (parsed.verb != verb) {
            throw new OaiException(OaiErrorCode.badResumptionToken, "The resumptionToken belongs to " + parsed.verb + ", not " + verb);
        }
        return parsed;
    }

    ResumptionToken next(UUID last, int delivered, Instant now) {
        return new ResumptionToken(verb, format, set, from, untilExclusive, horizon, last, cursor + delivered, completeListSize, now);
    }

    private static String micros(Instant instant) {
        return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000);
    }

    private static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
    }
}
