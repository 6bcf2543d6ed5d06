package net.historyarchive.catalog.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date is a string YYYY-MM-DD and nothing else. Jackson's own LocalDate deserializer also takes
 * {@code []} (as no date), {@code [1956, 9, 19]} and numbers; a date-time such as
 * 1956-09-26T10:00:00 is an error here, not silently cut to its day.
 */
public class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    public StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date in the form YYYY-MM-DD");
        }
    }
}
