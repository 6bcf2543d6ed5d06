package net.historyarchive.catalog.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.json.StrictJsonCustomizer;
import net.historyarchive.catalog.common.validation.InvalidInputException;
import net.historyarchive.catalog.document.api.DocumentInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict mapper and the describer together, without Quarkus. */
class JsonErrorDescriberTest {

    private static final ObjectMapper JSON = StrictJsonCustomizer.configure(new ObjectMapper().findAndRegisterModules());

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedType() {
        assertField("{\"title\": 12}", "title", "must be a string");
        assertField("{\"title\": \"x\", \"languages\": \"ru\"}", "languages", "must be an array");
        assertField("{\"title\": \"x\", \"date\": \"1956\"}", "date", "must be an object");
        assertField("{\"title\": \"x\", \"people\": [\"a\", 2]}", "people[1]", "must be a string");
    }

    @Test
    void unknownFieldsAndEnumConstants() {
        assertField("{\"title\": \"x\", \"source\": {\"shelf\": 1}}", "source.shelf", "is not a known field");
        assertField("{\"title\": \"x\", \"texts\": [{\"kind\": \"NOTE\"}]}", "texts[0].kind",
                "must be one of ORIGINAL, TRANSCRIPT, TRANSLATION");
    }

    @Test
    void impossibleAndTimeCarryingDatesAreInvalidDates() {
        assertField("{\"title\": \"x\", \"date\": {\"start\": \"1956-02-30\", \"precision\": \"DAY\"}}", "date.start",
                "'1956-02-30' is not a valid date (YYYY-MM-DD)");
        assertField("{\"title\": \"x\", \"date\": {\"start\": \"1956-02-03T10:00:00\", \"precision\": \"DAY\"}}", "date.start",
                "'1956-02-03T10:00:00' is not a valid date (YYYY-MM-DD)");
    }

    @Test
    void rejectedTextKeepsSafeTextsReason() {
        InvalidInputException p = describe("{\"title\": \"a\\u0000\"}");
        assertEquals("title", p.errors().get(0).field());
        assertTrue(p.errors().get(0).message().contains("U+0000"), p.errors().get(0).message());
    }

    @Test
    void syntaxErrorsAreMalformedWithTheirLocationEvenInsideAValue() {
        for (String body : new String[]{"{\"title\": \"x\"", "{\"title\": 'x'}", "{\"title\": \"x\", \"date\": {\"start\": }}", "[1"}) {
            InvalidInputException p = describe(body);
            assertTrue(p.unreadable(), body);
            assertTrue(p.getMessage().contains(" at line 1, column "), p.getMessage());
            assertTrue(p.errors().isEmpty());
        }
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, DocumentInput.class));
        assertTrue(JsonErrorDescriber.describe(e).unreadable());
    }

    @Test
    void noMessageLeaksJavaNames() {
        for (String body : new String[]{"{\"title\": 12}", "{\"title\": true}", "{\"title\": \"x\", \"languages\": \"ru\"}",
                "{\"title\": \"x\", \"related\": [\"nope\"]}", "{\"title\": \"x\", \"documentType\": 3}", "[]", "\"x\""}) {
            InvalidInputException p = describe(body);
            String all = p.getMessage() + p.errors();
            assertFalse(all.contains("java."), all);
            assertFalse(all.contains("net.historyarchive"), all);
            assertFalse(all.contains("`"), all);
        }
    }

    private static void assertField(String body, String field, String message) {
        InvalidInputException p = describe(body);
        assertFalse(p.unreadable(), body);
        assertEquals(1, p.errors().size(), body);
        assertEquals(field, p.errors().get(0).field(), body);
        assertEquals(message, p.errors().get(0).message(), body);
    }

    private static InvalidInputException describe(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue(body.getBytes(StandardCharsets.UTF_8), DocumentInput.class), body);
        return JsonErrorDescriber.describe(e);
    }
}
