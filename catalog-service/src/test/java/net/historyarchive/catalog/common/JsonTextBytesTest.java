package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.json.JsonTextBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTextBytesTest {

    @Test
    void wellFormedUtf8JsonPasses() {
        byte[] text = "{\"title\": \"M\u00e1o \u91d1\u65e5\u6210 \uD83D\uDE00 \u202Eabc\",\r\n\t\"x\": 1}".getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> JsonTextBytes.check(text, 0, text.length));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "c0af",         // overlong '/'
            "e080af",       // overlong 3-byte '/'
            "f08080af",     // overlong 4-byte '/'
            "c080",         // overlong NUL
            "eda080",       // UTF-8-encoded surrogate
            "f4908080",     // beyond U+10FFFF
            "f888808080",   // 5-byte form
            "80",           // lone continuation byte
            "ff",
            "e282",         // cut short
            "00",           // NUL: UTF-16 and UTF-32 text shows these
            "007b007d",     // "{}" in UTF-16BE
            "1b"})
    void malformedBytesAreRefused(String hex) {
        byte[] bytes = HexFormat.of().parseHex("22" + hex);
        assertThrows(JsonTextBytes.Malformed.class, () -> JsonTextBytes.check(bytes, 0, bytes.length));
    }

    @Test
    void aSequenceSplitAcrossPiecesIsAccepted() throws JsonTextBytes.Malformed {
        byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        JsonTextBytes text = new JsonTextBytes();
        text.accept(emoji, 0, 1);
        text.accept(emoji, 1, 2);
        text.accept(emoji, 3, 1);
        text.end();
    }
}
