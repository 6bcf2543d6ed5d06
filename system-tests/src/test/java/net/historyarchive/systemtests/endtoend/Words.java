package net.historyarchive.systemtests.endtoend;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Made-up words that occur in no other document, so a search for one finds exactly the documents
 * that hold it. Ten letters of alternating consonants and vowels: no two of them are similar
 * enough (trigram similarity 0.5) for the search's typo tolerance to take one for another.
 */
final class Words implements Supplier<String> {

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    private final Random random;
    private final Set<String> issued = new HashSet<>();

    Words(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized String get() {
        while (true) {
            StringBuilder word = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                String letters = i % 2 == 0 ? CONSONANTS : VOWELS;
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (issued.add(word.toString())) {
                return word.toString();
            }
        }
    }
}
