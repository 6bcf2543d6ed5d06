package net.historyarchive.catalog.document.service;

import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.document.api.PartialDateInput;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.PartialDate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * Turns what an archivist says about a date into a normalised {@link PartialDate}: the interval
 * is widened to the precision ("September 1956" is 1956-09-01..1956-09-30) and a display text is
 * generated when none is given. Rules that fail are reported as field errors.
 */
public final class PartialDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private PartialDates() {
    }

    /** @return the normalised date, or null (undated) when input is null; errors are added to {@code errors}. */
    public static PartialDate normalise(PartialDateInput input, List<FieldError> errors) {
        if (input == null || input.precision() == null) {
            return null;
        }
        DatePrecision precision = input.precision();
        DateQualifier qualifier = input.qualifier() == null ? DateQualifier.NONE : input.qualifier();
        LocalDate start = input.start();
        LocalDate end = input.end();
        int before = errors.size();

        if (precision == DatePrecision.UNKNOWN) {
            if (start != null || end != null) {
                errors.add(new FieldError("date.start", "must be absent when precision is UNKNOWN"));
            }
            if (isBlank(input.display())) {
                errors.add(new FieldError("date.display", "is required when precision is UNKNOWN"));
            }
            return errors.size() > before ? null
                    : new PartialDate(input.display(), null, null, precision, qualifier);
        }
        if (start == null) {
            errors.add(new FieldError("date.start", "is required when precision is " + precision));
            return null;
        }
        if (precision == DatePrecision.RANGE) {
            if (end == null) {
                errors.add(new FieldError("date.end", "is required when precision is RANGE"));
                return null;
            }
        } else {
            LocalDate periodStart = periodStart(start, precision);
            LocalDate periodEnd = periodEnd(start, precision);
            if (end != null && !end.equals(periodEnd) && !end.equals(start)) {
                errors.add(new FieldError("date.end", "must be omitted or " + periodEnd
                        + " (the end of the " + precision.name().toLowerCase(Locale.ROOT)
                        + "); use precision RANGE for an interval"));
                return null;
            }
            if (end != null && end.isBefore(start)) {
                errors.add(new FieldError("date.end", "must not be before date.start"));
                return null;
            }
            start = periodStart;
            end = periodEnd;
        }
        if (end.isBefore(start)) {
            errors.add(new FieldError("date.end", "must not be before date.start"));
            return null;
        }
        String display = isBlank(input.display()) ? display(start, end, precision, qualifier) : input.display();
        return new PartialDate(display, start, end, precision, qualifier);
    }

    static LocalDate periodStart(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            case DECADE -> LocalDate.of(date.getYear() - Math.floorMod(date.getYear(), 10), 1, 1);
            default -> date;
        };
    }

    static LocalDate periodEnd(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
            case DECADE -> LocalDate.of(date.getYear() - Math.floorMod(date.getYear(), 10) + 9, 12, 31);
            default -> date;
        };
    }

    static String display(LocalDate start, LocalDate end, DatePrecision precision, DateQualifier qualifier) {
        String text = switch (precision) {
            case DAY -> DAY.format(start);
            case MONTH -> MONTH.format(start);
            case YEAR -> String.valueOf(start.getYear());
            case DECADE -> start.getYear() + "s";
            case RANGE -> DAY.format(start) + " – " + DAY.format(end);
            case UNKNOWN -> "Undated";
        };
        return switch (qualifier) {
            case NONE -> text;
            case APPROXIMATE -> "circa " + text;
            case INFERRED -> "[" + text + "]";
            case UNCERTAIN -> text + "?";
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
