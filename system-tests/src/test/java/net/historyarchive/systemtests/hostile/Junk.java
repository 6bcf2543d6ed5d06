package net.historyarchive.systemtests.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values the generator draws from: odd text (as bytes, so that invalid UTF-8 and
 * escaped lone surrogates survive), junk numbers, dates and enum values.
 */
final class Junk {

    /**
     * A text value.
     *
     * @param name       what it is, for failure reports
     * @param jsonInside the bytes between the quotes of a JSON string (escapes and raw bytes exactly as sent)
     * @param decoded    the bytes the value stands for (what a query parameter carries, percent-encoded)
     * @param invalid    no service may accept it as text: unpaired surrogates, NUL and other control
     *                   characters, malformed or overlong UTF-8, unescaped control bytes in JSON
     */
    record Text(String name, byte[] jsonInside, byte[] decoded, boolean invalid) {

        boolean isBlank() {
            return new String(decoded, StandardCharsets.UTF_8).isBlank();
        }

        int length() {
            return new String(decoded, StandardCharsets.UTF_8).codePointCount(0, new String(decoded, StandardCharsets.UTF_8).length());
        }

        String queryValue() {
            return percentEncode(decoded);
        }
    }

    private Junk() {
    }

    /** Unusual but valid text: a service may store or search it. */
    static final List<Text> ODD_TEXT = List.of(
            utf8("4-byte emoji", "Telegram \uD83D\uDE00\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
            utf8("mathematical letters (4-byte)", "\uD835\uDD73\uD835\uDD8E\uD835\uDD98\uD835\uDD99"),
            utf8("right-to-left override", "\u202Etxt.exe\u202C report"),
            utf8("right-to-left scripts", "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 Pyongyang"),
            utf8("stacked combining marks", "Z" + "\u0301\u0316\u0334\u0353".repeat(60) + "algo"),
            utf8("decomposed (NFD) accents", "Ma\u0301o Ze\u0301do\u0304ng"),
            utf8("zero-width characters", "Kim\u200BIl\u200DSung\uFEFF\u2060"),
            utf8("noncharacters", "\uFFFE\uFFFF\uFDD0"),
            utf8("private use, plane 15", "\uE000\uDB80\uDC00"),
            utf8("fullwidth letters", "\uFF33\uFF25\uFF2C\uFF25\uFF23\uFF34"),
            utf8("CJK and Hangul", "\u91D1\u65E5\u6210 \uAE40\uC77C\uC131"),
            utf8("line and paragraph separators", "a\u2028b\u2029c"),
            utf8("SQL", "' OR '1'='1' --; DROP TABLE documents; --"),
            utf8("tsquery operators", "a & b | !c:* <-> (d) <2> 'e'"),
            utf8("HTML", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
            utf8("JSON in a string", "{\"$where\": \"1\", \"__proto__\": {}}"),
            utf8("format specifiers", "%s%n%x%d%%00${jndi:ldap://x/a}"),
            utf8("path traversal", "../../../../etc/passwd"),
            escapedValid("escaped ordinary characters", "\\u0041\\u00e9\\/\\\"\\\\", "A\u00e9/\"\\"),
            escapedValid("tab, newline and carriage return", "a\\tb\\nc\\rd", "a\tb\nc\rd"),
            utf8("whitespace only", "   "),
            utf8("empty", ""),
            utf8("10,000 characters", "x".repeat(10_000)),
            utf8("one 300-character word", "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(7)));

    /** Text no service may take: each must be refused (or, in a search, match nothing) without a 5xx. */
    static final List<Text> INVALID_TEXT = List.of(
            escapedInvalid("lone high surrogate (escaped)", "abc\\uD800def", bytes(0x61, 0xED, 0xA0, 0x80)),
            escapedInvalid("lone low surrogate (escaped)", "\\uDC00", bytes(0xED, 0xB0, 0x80)),
            escapedInvalid("reversed surrogate pair (escaped)", "\\uDE00\\uD83D", bytes(0xED, 0xB8, 0x80, 0xED, 0xA0, 0xBD)),
            escapedInvalid("NUL (escaped)", "Ponomarev\\u0000", concat("Ponomarev".getBytes(StandardCharsets.UTF_8), bytes(0))),
            escapedInvalid("bell and escape sequence (escaped)", "\\u0007\\u001b[31mred", concat(bytes(7, 0x1b), "[31mred".getBytes(StandardCharsets.UTF_8))),
            escapedInvalid("DEL (escaped)", "a\\u007fb", bytes(0x61, 0x7f, 0x62)),
            raw("unescaped NUL byte", bytes(0x61, 0x00, 0x62)),
            raw("unescaped newline", bytes(0x61, 0x0a, 0x62)),
            raw("overlong '/' (C0 AF)", bytes(0x2e, 0x2e, 0xC0, 0xAF)),
            raw("overlong 3-byte '/' (E0 80 AF)", bytes(0xE0, 0x80, 0xAF)),
            raw("overlong 4-byte '/' (F0 80 80 AF)", bytes(0xF0, 0x80, 0x80, 0xAF)),
            raw("overlong NUL (C0 80)", bytes(0x61, 0xC0, 0x80)),
            raw("UTF-8-encoded surrogate (ED A0 80)", bytes(0xED, 0xA0, 0x80)),
            raw("bytes FF FE", bytes(0xFF, 0xFE, 0x41)),
            raw("truncated 3-byte sequence", bytes(0x41, 0xE2, 0x82)),
            raw("beyond U+10FFFF (F4 90 80 80)", bytes(0xF4, 0x90, 0x80, 0x80)),
            raw("5-byte sequence", bytes(0xF8, 0x88, 0x80, 0x80, 0x80)),
            raw("lone continuation bytes", bytes(0x80, 0xBF, 0x41)));

    static List<Text> allText() {
        List<Text> all = new ArrayList<>(ODD_TEXT);
        all.addAll(INVALID_TEXT);
        return all;
    }

    /** Junk for numeric, boolean, enum, date and cursor parameters (besides the text above). */
    static final List<String> SCALARS = List.of(
            "-1", "0", "1.5", "1e3", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999",
            "NaN", "Infinity", "-0", "0x1F", " 1", "1 ", "+1", "\uFF11", "\u0661", "1,2", "true", "FALSE", "yes", "null",
            "[]", "{}", "1956-02-30", "0000-00-00", "1956-13", "1956-1-1", "1956/01/01", "-0001", "99999", "+1956",
            "1956-09-19T00:00:00Z", "2026-13-01T00:00:00Z", "RELEVANCE", "date-desc,title", "none,person", "all",
            "ATOMIC,PER_LINE", "per_line", "*", "%", "_", "\\", "'", "\"", "eyJhbGciOiJub25lIn0", "AAAA", "====",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000", "not-a-uuid");

    static Text utf8(String name, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return new Text(name, jsonEscapeForInside(value), b, false);
    }

    private static Text escapedValid(String name, String jsonInside, String decoded) {
        return new Text(name, jsonInside.getBytes(StandardCharsets.US_ASCII), decoded.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Text escapedInvalid(String name, String jsonInside, byte[] decoded) {
        return new Text(name, jsonInside.getBytes(StandardCharsets.US_ASCII), decoded, true);
    }

    private static Text raw(String name, byte[] raw) {
        return new Text(name, raw, raw, true);
    }

    /** Escapes what JSON requires inside a string; everything else stays as UTF-8. */
    static byte[] jsonEscapeForInside(String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes every byte but RFC 3986's unreserved characters. */
    static String percentEncode(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return s.toString();
    }

    static String percentEncode(String text) {
        return percentEncode(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
