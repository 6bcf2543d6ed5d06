package net.historyarchive.infra.bench.corpus;

/**
 * Typing errors at a low rate, as in real catalogue records ("Pllenum", "Plenun"): a letter doubled,
 * two neighbouring letters swapped, a letter dropped, or a letter replaced by its neighbour on the
 * keyboard. Only words of four or more letters are touched. Draws come from their own generator, so
 * a document's content is the same with or without typos: only the touched words differ.
 */
final class Typos {

    private static final String[] NEIGHBOURS = new String[26];

    static {
        String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        for (String row : rows) {
            for (int i = 0; i < row.length(); i++) {
                StringBuilder near = new StringBuilder();
                if (i > 0) {
                    near.append(row.charAt(i - 1));
                }
                if (i + 1 < row.length()) {
                    near.append(row.charAt(i + 1));
                }
                NEIGHBOURS[row.charAt(i) - 'a'] = near.toString();
            }
        }
    }

    private final Rng rng;
    private final double rate;
    private long countdown;

    /** @param rate the share of eligible words that get a typo; 0 for none */
    Typos(Rng rng, double rate) {
        this.rng = rng;
        this.rate = rate;
        this.countdown = next();
    }

    private long next() {
        if (rate <= 0) {
            return Long.MAX_VALUE;
        }
        // Geometric: the number of eligible words before the next typo.
        return (long) Math.floor(StrictMath.log(1.0 - rng.nextDouble()) / StrictMath.log(1.0 - rate));
    }

    /** @return {@code word}, or {@code word} with a typo when its turn has come */
    String apply(String word) {
        return countdown == Long.MAX_VALUE ? word : apply(word, eligible(word));
    }

    /** The same, for a word whose eligibility ({@link #eligible}) is known. */
    String apply(String word, boolean eligible) {
        if (!eligible || countdown-- > 0) {
            return word;
        }
        countdown = next();
        return typo(word, rng);
    }

    /** Whether a word can get a typo: four or more ASCII letters. */
    static boolean eligible(String word) {
        return word.length() >= 4 && lettersOnly(word);
    }

    static String typo(String word, Rng rng) {
        int n = word.length();
        StringBuilder b = new StringBuilder(word);
        int kind = rng.nextInt(4);
        int i = 1 + rng.nextInt(n - 2); // never the first letter, which readers and indexes notice most
        switch (kind) {
            case 0 -> b.insert(i, b.charAt(i));
            case 1 -> {
                char c = b.charAt(i);
                b.setCharAt(i, b.charAt(i + 1));
                b.setCharAt(i + 1, c);
                if (b.charAt(i) == c) { // swapping equal letters changes nothing: double instead
                    b.insert(i, c);
                }
            }
            case 2 -> b.deleteCharAt(i);
            default -> {
                char c = b.charAt(i);
                char lower = Character.toLowerCase(c);
                if (lower >= 'a' && lower <= 'z') {
                    String near = NEIGHBOURS[lower - 'a'];
                    char replacement = near.charAt(rng.nextInt(near.length()));
                    b.setCharAt(i, Character.isUpperCase(c) ? Character.toUpperCase(replacement) : replacement);
                } else {
                    b.insert(i, c);
                }
            }
        }
        return b.toString();
    }

    private static boolean lettersOnly(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
