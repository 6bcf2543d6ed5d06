package net.historyarchive.search.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What two spellings of a name must share to be the same spelling: the letters and digits, lower
 * case, without accents, and without the hyphens, spaces and apostrophes that romanizations place
 * differently. "Kim Il-sung", "Kim Il Sung", "Kim Ilsung" and "Kim Il-sŏng" / "Kim Il-song" differ
 * only in these, so none of them needs a line of the variants file.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String spelling) {
        String decomposed = Normalizer.normalize(spelling, Normalizer.Form.NFD);
        // \p{Lm}: the modifier-letter apostrophe (ʼ) of McCune-Reischauer's aspirates is a "letter"
        return decomposed.replaceAll("[\\p{M}\\p{Lm}]+", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
