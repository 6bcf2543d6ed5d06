package net.historyarchive.catalog.common.json;

/**
 * Checks, byte by byte, that a body can be JSON text at all: well-formed UTF-8 (RFC 8259 §8.1)
 * and no raw control bytes but tab, line feed and carriage return (JSON allows no others outside
 * strings, and inside strings they must be escaped). Jackson itself decodes overlong forms
 * ({@code C0 AF} becomes "/", a classic filter bypass) and guesses UTF-16 or UTF-32 from NUL
 * bytes, so both are refused here before it parses.
 *
 * <p>Feed it in pieces ({@link #accept}); call {@link #end()} after the last one.
 */
public final class JsonTextBytes {

    /** Why the bytes cannot be JSON text, and where. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private long position;
    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    /** Range allowed for the next continuation byte (narrower right after E0, ED, F0 and F4). */
    private int low = 0x80;
    private int high = 0xBF;

    public void accept(byte[] bytes, int offset, int length) throws Malformed {
        for (int i = offset; i < offset + length; i++, position++) {
            int b = bytes[i] & 0xFF;
            if (pending > 0) {
                if (b < low || b > high) {
                    throw new Malformed("byte " + position + " (0x" + Integer.toHexString(b).toUpperCase()
                            + ") breaks a UTF-8 sequence (overlong, surrogate, beyond U+10FFFF or cut short)");
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            } else if (b < 0x80) {
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                    throw new Malformed("byte " + position + " is the control character 0x" + Integer.toHexString(b).toUpperCase()
                            + ", which JSON text cannot hold (is the body UTF-8?)");
                }
            } else {
                start(b);
            }
        }
    }

    /** Unicode's table of well-formed UTF-8 byte sequences (The Unicode Standard, table 3-7). */
    private void start(int b) throws Malformed {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                low = 0xA0;
            } else if (b == 0xED) {
                high = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                low = 0x90;
            } else if (b == 0xF4) {
                high = 0x8F;
            }
        } else {
            throw new Malformed("byte " + position + " (0x" + Integer.toHexString(b).toUpperCase() + ") cannot occur in UTF-8 there");
        }
    }

    public void end() throws Malformed {
        if (pending > 0) {
            throw new Malformed("the text ends inside a UTF-8 sequence");
        }
    }

    /** Checks a complete piece of text, such as one NDJSON line. */
    public static void check(byte[] bytes, int offset, int length) throws Malformed {
        JsonTextBytes text = new JsonTextBytes();
        text.accept(bytes, offset, length);
        text.end();
    }
}
