package net.historyarchive.catalog.document;

import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.document.api.PartialDateInput;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.PartialDate;
import net.historyarchive.catalog.document.service.PartialDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Plain unit test: no Quarkus. */
class PartialDatesTest {

    @Test
    void dayKeepsTheDay() {
        PartialDate d = ok(input(null, "1956-09-26", null, DatePrecision.DAY, null));
        assertEquals(LocalDate.of(1956, 9, 26), d.start);
        assertEquals(LocalDate.of(1956, 9, 26), d.end);
        assertEquals("September 26, 1956", d.display);
        assertEquals(DateQualifier.NONE, d.qualifier);
    }

    @Test
    void monthYearAndDecadeWidenToTheWholePeriod() {
        PartialDate month = ok(input(null, "1956-02-10", null, DatePrecision.MONTH, null));
        assertEquals(LocalDate.of(1956, 2, 1), month.start);
        assertEquals(LocalDate.of(1956, 2, 29), month.end, "leap year February");
        assertEquals("February 1956", month.display);

        PartialDate year = ok(input(null, "1957-06-15", null, DatePrecision.YEAR, null));
        assertEquals(LocalDate.of(1957, 1, 1), year.start);
        assertEquals(LocalDate.of(1957, 12, 31), year.end);
        assertEquals("1957", year.display);

        PartialDate decade = ok(input(null, "1969-12-31", null, DatePrecision.DECADE, null));
        assertEquals(LocalDate.of(1960, 1, 1), decade.start);
        assertEquals(LocalDate.of(1969, 12, 31), decade.end);
        assertEquals("1960s", decade.display);
    }

    @Test
    void rangeKeepsBothEndsAndJoinsThemWithADash() {
        PartialDate range = ok(input(null, "1950-06-25", "1953-07-27", DatePrecision.RANGE, null));
        assertEquals(LocalDate.of(1950, 6, 25), range.start);
        assertEquals(LocalDate.of(1953, 7, 27), range.end);
        assertEquals("June 25, 1950 – July 27, 1953", range.display);
    }

    @Test
    void qualifiersDecorateTheGeneratedDisplay() {
        assertEquals("circa 1956", ok(input(null, "1956-01-01", null, DatePrecision.YEAR, DateQualifier.APPROXIMATE)).display);
        assertEquals("[1956]", ok(input(null, "1956-01-01", null, DatePrecision.YEAR, DateQualifier.INFERRED)).display);
        assertEquals("1956?", ok(input(null, "1956-01-01", null, DatePrecision.YEAR, DateQualifier.UNCERTAIN)).display);
    }

    @Test
    void aGivenDisplayWinsAndAnUnknownDateNeedsOne() {
        assertEquals("autumn 1956", ok(input("autumn 1956", "1956-09-01", null, DatePrecision.MONTH, null)).display);
        PartialDate unknown = ok(input("Undated", null, null, DatePrecision.UNKNOWN, null));
        assertNull(unknown.start);
        assertNull(unknown.end);
        assertEquals(List.of("date.display"), fields(input(" ", null, null, DatePrecision.UNKNOWN, null)));
        assertEquals(List.of("date.start"), fields(input("x", "1956-01-01", null, DatePrecision.UNKNOWN, null)));
    }

    @Test
    void incoherentDatesAreFieldErrors() {
        assertEquals(List.of("date.end"), fields(input(null, "1956-09-26", "1956-09-19", DatePrecision.RANGE, null)));
        assertEquals(List.of("date.end"), fields(input(null, "1956-09-26", null, DatePrecision.RANGE, null)));
        assertEquals(List.of("date.end"), fields(input(null, "1956-09-26", "1956-09-27", DatePrecision.DAY, null)));
        assertEquals(List.of("date.end"), fields(input(null, "1956-09-10", "1956-10-01", DatePrecision.MONTH, null)));
        assertEquals(List.of("date.start"), fields(input(null, null, null, DatePrecision.YEAR, null)));
    }

    @Test
    void anEndEqualToTheStartOrThePeriodEndIsAccepted() {
        assertEquals(LocalDate.of(1956, 9, 30), ok(input(null, "1956-09-10", "1956-09-10", DatePrecision.MONTH, null)).end);
        assertEquals(LocalDate.of(1956, 9, 30), ok(input(null, "1956-09-10", "1956-09-30", DatePrecision.MONTH, null)).end);
    }

    @Test
    void noDateIsUndated() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(PartialDates.normalise(null, errors));
        assertEquals(List.of(), errors);
    }

    private static PartialDateInput input(String display, String start, String end, DatePrecision precision, DateQualifier qualifier) {
        return new PartialDateInput(display, start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                precision, qualifier);
    }

    private static PartialDate ok(PartialDateInput input) {
        List<FieldError> errors = new ArrayList<>();
        PartialDate date = PartialDates.normalise(input, errors);
        assertEquals(List.of(), errors);
        return date;
    }

    private static List<String> fields(PartialDateInput input) {
        List<FieldError> errors = new ArrayList<>();
        assertNull(PartialDates.normalise(input, errors));
        return errors.stream().map(FieldError::field).toList();
    }
}
