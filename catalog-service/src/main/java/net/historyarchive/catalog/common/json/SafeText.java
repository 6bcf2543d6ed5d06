package net.historyarchive.catalog.common.json;

import java.text.Normalizer;

/**
 * Rules for every string that enters the archive. PostgreSQL cannot store U+0000, a lone
 * UTF-16 surrogate cannot be encoded as UTF-8, and other control characters are invisible
 * corruption in a catalog record; all are rejected with a message. Accepted text is normalised
 * to NFC so that the same visible name ("Máo" typed two ways) is stored one way.
 */
public final class SafeText {

    private SafeText() {
    }

    /** @return the NFC form of {@code text}; throws IllegalArgumentException with a reason if unacceptable. */
    public static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("contains an unpaired UTF-16 surrogate at position " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("contains an unpaired UTF-16 surrogate at position " + i);
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw new IllegalArgumentException(String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
