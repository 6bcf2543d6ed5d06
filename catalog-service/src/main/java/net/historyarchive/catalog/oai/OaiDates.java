package net.historyarchive.catalog.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * UTC datestamps at the granularities OAI-PMH knows: the repository declares seconds
 * (YYYY-MM-DDThh:mm:ssZ) and, as the protocol requires, also accepts days in from/until.
 * Both bounds are inclusive at their granularity: until=2026-12-02 covers the whole day.
 */
final class OaiDates {

    static final String GRANULARITY = "YYYY-MM-DDThh:mm:ssZ";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** A from/until argument: its first instant, the first instant after it, and whether it was a day. */
    record Bound(Instant start, Instant endExclusive, boolean day) {
    }

    private OaiDates() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static Bound parse(String name, String value) {
        try {
            if (DAY.matcher(value).matches()) {
                Instant start = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Bound(start, start.plus(1, ChronoUnit.DAYS), true);
            }
            if (SECOND.matcher(value).matches()) {
                Instant start = Instant.parse(value);
                return new Bound(start, start.plusSeconds(1), false);
            }
        } catch (DateTimeParseException e) {
            // falls through: a well-formed but impossible date such as 2026-02-30
        }
        throw new OaiException(OaiErrorCode.badArgument,
                "'" + name + "' must be a UTC date YYYY-MM-DD or a time YYYY-MM-DDThh:mm:ssZ, not '" + value + "'");
    }
}
