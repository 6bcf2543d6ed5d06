package net.historyarchive.infra.bench.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English running text from the Brown Corpus: a first-order Markov chain over its part-of-speech
 * tags ({@code brown-tag-bigrams.tsv}) emits, at each tag, a word drawn by its Brown count under
 * that tag ({@code brown-lexicon.tsv}, with {@code domain-words.tsv} merged in). Because the tag
 * chain visits each tag as often as the corpus does and words are drawn by their count within the
 * tag, every word appears with (about) its corpus frequency: the output keeps Brown's Zipfian
 * rank-frequency curve while reading like loosely grammatical English. Proper-noun tags are slots
 * filled by the caller (people, places, organisations).
 */
final class Lexicon {

    /** What a tag of the chain produces. */
    enum Kind { WORD, NAME, NAME_POSSESSIVE, NATIONALITY_PLURAL, PERIOD, COMMA, COLON, SEMICOLON, START, END, EMPTY }

    /** Fills proper-noun slots. */
    interface Slots {
        String fill(Kind kind, Rng rng);
    }

    /** A word of the lexicon with its total count and most frequent tag. */
    record Word(String spelling, long count, String mainTag) {
    }

    private static final Set<String> FUNCTION_TAGS = Set.of("at", "in", "cc", "cs", "to", "md", "md*", "ex", "rp",
            "wdt", "wps", "wpo", "wql", "wrb", "abn", "abx", "ap", "dt", "dti", "dts", "dtx", "pn", "pp$", "pp$$", "ppl",
            "ppls", "ppo", "pps", "ppss", "be", "bed", "bedz", "beg", "bem", "ben", "ber", "bez", "do", "dod", "doz", "hv",
            "hvd", "hvg", "hvn", "hvz", "ql", "qlp", "*", "abl", "uh");

    private static volatile Lexicon instance;

    final String[] tags;
    final Kind[] kinds;
    private final String[][] words;
    private final boolean[][] typoEligible;
    private final AliasTable[] emission;
    private final int[][] next;
    private final AliasTable[] transition;
    final int start;
    final int clauseStart;
    private final int noun;
    /** Words by descending count (ties by spelling). */
    final List<Word> vocabulary;
    final long totalCount;

    static Lexicon get() {
        Lexicon lexicon = instance;
        if (lexicon == null) {
            synchronized (Lexicon.class) {
                lexicon = instance;
                if (lexicon == null) {
                    lexicon = instance = new Lexicon();
                }
            }
        }
        return lexicon;
    }

    private Lexicon() {
        // word (lower case) -> spelling and tag counts, in file order
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String[] row : Resources.rows("brown-lexicon.tsv", 2)) {
            String key = row[0].toLowerCase();
            spelling.put(key, row[0]);
            Map<String, Long> tagCounts = counts.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (String pair : row[1].split(" ")) {
                int colon = pair.lastIndexOf(':');
                tagCounts.merge(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)), Long::sum);
            }
        }
        for (String[] row : Resources.rows("domain-words.tsv", 3)) {
            String key = row[0].toLowerCase();
            spelling.put(key, row[0]);
            counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(row[1], Long.parseLong(row[2]), Math::max);
        }

        List<String[]> bigrams = Resources.rows("brown-tag-bigrams.tsv", 3);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String[] row : bigrams) {
            index.putIfAbsent(row[0], index.size());
            index.putIfAbsent(row[1], index.size());
        }
        counts.values().forEach(m -> m.keySet().forEach(t -> index.putIfAbsent(t, index.size())));
        int n = index.size();
        tags = index.keySet().toArray(new String[0]);
        kinds = new Kind[n];
        words = new String[n][];
        typoEligible = new boolean[n][];
        emission = new AliasTable[n];
        next = new int[n][];
        transition = new AliasTable[n];

        Map<String, List<Map.Entry<String, Long>>> byTag = new HashMap<>();
        List<Word> vocab = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
            String word = spelling.get(e.getKey());
            long wordTotal = 0;
            String main = null;
            long mainCount = -1;
            for (Map.Entry<String, Long> t : e.getValue().entrySet()) {
                byTag.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(Map.entry(word, t.getValue()));
                wordTotal += t.getValue();
                if (t.getValue() > mainCount) {
                    mainCount = t.getValue();
                    main = t.getKey();
                }
            }
            vocab.add(new Word(word, wordTotal, main));
            total += wordTotal;
        }
        vocab.sort(Comparator.comparingLong(Word::count).reversed().thenComparing(Word::spelling));
        vocabulary = Collections.unmodifiableList(vocab);
        totalCount = total;

        for (int i = 0; i < n; i++) {
            String tag = tags[i];
            kinds[i] = switch (tag) {
                case "<s>" -> Kind.START;
                case "</s>" -> Kind.END;
                case "." -> Kind.PERIOD;
                case "," -> Kind.COMMA;
                case ":" -> Kind.COLON;
                case ";" -> Kind.SEMICOLON;
                case "np" -> Kind.NAME;
                case "np$" -> Kind.NAME_POSSESSIVE;
                case "nps" -> Kind.NATIONALITY_PLURAL;
                default -> byTag.containsKey(tag) ? Kind.WORD : Kind.EMPTY;
            };
            if (kinds[i] == Kind.WORD) {
                List<Map.Entry<String, Long>> list = byTag.get(tag);
                list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                words[i] = list.stream().map(Map.Entry::getKey).toArray(String[]::new);
                typoEligible[i] = new boolean[words[i].length];
                for (int w = 0; w < words[i].length; w++) {
                    typoEligible[i][w] = Typos.eligible(words[i][w]);
                }
                emission[i] = new AliasTable(list.stream().mapToDouble(Map.Entry::getValue).toArray());
            }
        }
        Map<Integer, List<int[]>> outgoing = new HashMap<>();
        for (String[] row : bigrams) {
            int from = index.get(row[0]);
            int to = index.get(row[1]);
            outgoing.computeIfAbsent(from, k -> new ArrayList<>()).add(new int[]{to, Integer.parseInt(row[2])});
        }
        for (int i = 0; i < n; i++) {
            List<int[]> out = outgoing.get(i);
            if (out == null) {
                continue;
            }
            next[i] = out.stream().mapToInt(a -> a[0]).toArray();
            transition[i] = new AliasTable(out.stream().mapToDouble(a -> a[1]).toArray());
        }
        start = index.get("<s>");
        clauseStart = index.get("cs");
        noun = index.get("nn");
    }

    static boolean isContentTag(String tag) {
        return !FUNCTION_TAGS.contains(tag) && !tag.contains("+") && !tag.equals("cd") && !tag.equals("od");
    }

    /**
     * Appends one sentence of at most {@code maxWords} words, ending with a full stop (or,
     * rarely, a question mark).
     *
     * @param from {@link #start} for a sentence, {@link #clauseStart} for a clause after "that"
     * @param capitalise whether the first word gets a capital letter
     * @return the number of words appended
     */
    int sentence(StringBuilder out, Rng rng, Slots slots, Typos typos, int from, boolean capitalise, int maxWords) {
        int state = from;
        int count = 0;
        int articleAt = -1;       // where the last "a"/"an" starts, to agree it with the next word
        boolean pendingSpace = false;
        int attempts = 0;
        while (true) {
            if (transition[state] == null) {
                break;
            }
            int to = next[state][transition[state].sample(rng)];
            Kind kind = kinds[to];
            if (kind == Kind.END || kind == Kind.PERIOD) {
                if (count < 4 && attempts++ < 20) {
                    continue; // too short to be a sentence here; draw again from the same tag
                }
                break;
            }
            if (kind == Kind.COMMA || kind == Kind.COLON || kind == Kind.SEMICOLON) {
                if (count > 0 && pendingSpace && !endsWithPunctuation(out)) {
                    out.append(kind == Kind.COMMA ? ',' : kind == Kind.COLON ? ':' : ';');
                }
                state = to;
                continue;
            }
            if (kind == Kind.EMPTY || kind == Kind.START) {
                state = to;
                continue;
            }
            if (count >= maxWords) {
                break;
            }
            String word;
            if (kind == Kind.WORD) {
                int w = emission[to].sample(rng);
                word = typos.apply(words[to][w], typoEligible[to][w]);
            } else {
                word = slots.fill(kind, rng);
            }
            if (pendingSpace) {
                out.append(' ');
            }
            int wordAt = out.length();
            if (count == 0 && capitalise) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                out.append(word);
            }
            if (articleAt >= 0) {
                agreeArticle(out, articleAt, word);
                articleAt = -1;
            }
            if (kind == Kind.WORD && (word.equals("a") || word.equals("an"))) {
                articleAt = wordAt;
            }
            pendingSpace = true;
            count++;
            state = to;
        }
        while (out.length() > 0 && endsWithPunctuation(out)) {
            out.setLength(out.length() - 1);
        }
        if (articleAt >= 0) { // a sentence must not end on an article
            String filler = words[noun][emission[noun].sample(rng)];
            out.append(' ').append(filler);
            agreeArticle(out, articleAt, filler);
        }
        out.append(rng.chance(0.03) ? '?' : '.');
        return count;
    }

    private static boolean endsWithPunctuation(StringBuilder out) {
        char c = out.charAt(out.length() - 1);
        return c == ',' || c == ':' || c == ';';
    }

    /** Makes the article starting at {@code at} "a" or "an" to suit {@code next}. */
    private static void agreeArticle(StringBuilder out, int at, String next) {
        char first = Character.toLowerCase(next.charAt(0));
        boolean vowel = first == 'a' || first == 'e' || first == 'i' || first == 'o' || first == 'u';
        boolean isAn = at + 1 < out.length() && out.charAt(at + 1) == 'n';
        if (vowel && !isAn) {
            out.insert(at + 1, 'n');
        } else if (!vowel && isAn) {
            out.deleteCharAt(at + 1);
        }
    }
}
