package net.historyarchive.catalog.common;

import net.historyarchive.catalog.common.json.SafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTextTest {

    @Test
    void decomposedTextBecomesNfc() {
        assertEquals("M\u00e1o", SafeText.clean("Ma\u0301o"));
        assertEquals("\uAC00", SafeText.clean("\u1100\u1161"), "Hangul jamo compose");
    }

    @Test
    void alreadyNormalTextIsReturnedAsIs() {
        String text = "Письмо 毛泽东 عبد الناصر 📜 tab\tand\nnewlines\r\n";
        assertSame(text, SafeText.clean(text));
    }

    @Test
    void nulIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafeText.clean("ab\u0000c"));
        assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
        assertTrue(e.getMessage().contains("position 2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"})
    void otherControlCharactersAreRejected(String control) {
        assertThrows(IllegalArgumentException.class, () -> SafeText.clean("x" + control));
    }

    @Test
    void unpairedSurrogatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SafeText.clean("\ud800"));
        assertThrows(IllegalArgumentException.class, () -> SafeText.clean("a\ud800b"));
        assertThrows(IllegalArgumentException.class, () -> SafeText.clean("\udc00a"));
        assertThrows(IllegalArgumentException.class, () -> SafeText.clean("\udcff\ud83d"), "reversed pair");
        assertEquals("\ud83d\udcdc", SafeText.clean("\ud83d\udcdc"));
    }
}
