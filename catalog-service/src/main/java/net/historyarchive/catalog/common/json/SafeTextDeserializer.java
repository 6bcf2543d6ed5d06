package net.historyarchive.catalog.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/** Applies {@link SafeText} to every JSON string at the boundary, reporting the field that failed. */
public class SafeTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value == null) {
            return null;
        }
        try {
            return SafeText.clean(value);
        } catch (IllegalArgumentException e) {
            throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser, e.getMessage(), "(text)", String.class);
        }
    }
}
