package net.historyarchive.infra.bench.search;

import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.corpus.Vocabulary;
import net.historyarchive.infra.bench.corpus.Vocabulary.Band;
import net.historyarchive.infra.bench.corpus.Vocabulary.Term;
import net.historyarchive.infra.bench.search.BenchQuery.And;
import net.historyarchive.infra.bench.search.BenchQuery.Filters;
import net.historyarchive.infra.bench.search.BenchQuery.Node;
import net.historyarchive.infra.bench.search.BenchQuery.Not;
import net.historyarchive.infra.bench.search.BenchQuery.Or;
import net.historyarchive.infra.bench.search.BenchQuery.Phrase;
import net.historyarchive.infra.bench.search.BenchQuery.Prefix;
import net.historyarchive.infra.bench.search.BenchQuery.Sort;
import net.historyarchive.infra.bench.search.BenchQuery.Word;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The search benchmark's query mix, drawn by fixed rules from the corpus's own vocabulary
 * ({@link Vocabulary}) so that every term really occurs and the bands really differ in frequency:
 * rare names and words, medium and common words, the commonest title words, phrases, several words,
 * OR / -exclusion / prefix*, filters, browsing without text, and deep pages by number and by cursor.
 * Every query asks for the top 10 and the total ({@link BenchQuery#withFacets()}: also three facets). The mix
 * depends only on the corpus generator's word lists, not on the corpus size.
 */
public final class QueryMix {

    /** Bands in report order. */
    public static final List<String> BANDS = List.of("rare", "medium", "common", "phrase", "multi-word", "operators",
            "filtered", "browse", "deep");

    private final Vocabulary vocabulary;
    private final List<BenchQuery> queries = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    private QueryMix(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static List<BenchQuery> build(ArchiveCorpus corpus) {
        return new QueryMix(corpus.vocabulary()).build();
    }

    private List<BenchQuery> build() {
        List<Term> rareWords = plain(vocabulary.words(Band.RARE));
        List<Term> mediumWords = plain(vocabulary.words(Band.MEDIUM));
        List<Term> commonWords = plain(vocabulary.words(Band.COMMON));
        List<Term> people = vocabulary.people().stream().filter(t -> !t.text().contains(".")).toList();
        List<Term> places = vocabulary.places();

        // rare: names from the tail of the people list (one typed without its accents), a rare place, rare words
        for (double at : new double[]{0.55, 0.75, 0.95}) {
            add("rare", name(pick(people, at).text()));
        }
        Term accented = people.stream().skip(people.size() / 2).filter(t -> !t.text().equals(fold(t.text()))).findFirst().orElseThrow();
        add("rare", name(fold(accented.text())));
        add("rare", name(places.get(places.size() - 1).text()));
        for (double at : new double[]{0.1, 0.3, 0.5, 0.7, 0.9}) {
            add("rare", word(pick(rareWords, at)));
        }

        // medium words, from the band's frequent end to its rare end
        for (double at : new double[]{0.02, 0.1, 0.25, 0.5, 0.8}) {
            add("medium", word(pick(mediumWords, at)));
        }

        // common: the commonest content words, the commonest names, and the words of the title
        // templates ("Record of a Conversation between Soviet Ambassador ...", "Telegram from ...")
        for (double at : new double[]{0.0, 0.02, 0.05, 0.15, 0.4}) {
            add("common", word(pick(commonWords, at)));
        }
        add("common", name(vocabulary.people().get(0).text()));
        add("common", name(places.get(0).text()));
        add("common", name(places.get(1).text()));
        add("common", new Word("conversation"));
        add("common", new Word("telegram"));

        // phrases of the domain, commonest to rarest
        for (int rank : new int[]{0, 2, 8, 20, 45}) {
            add("phrase", new Phrase(vocabulary.phrases().get(Math.min(rank, vocabulary.phrases().size() - 1)).text()));
        }
        add("phrase", new Phrase("central committee"));

        // several words, all required
        add("multi-word", new And(List.of(word(pick(commonWords, 0.01)), word(pick(commonWords, 0.1)))));
        add("multi-word", new And(List.of(word(pick(commonWords, 0.03)), word(pick(mediumWords, 0.05)))));
        add("multi-word", new And(List.of(word(pick(mediumWords, 0.3)), word(pick(rareWords, 0.2)))));
        add("multi-word", new And(List.of(new Word("soviet"), new Word("ambassador"), word(pick(commonWords, 0.3)))));

        // OR, exclusion, prefix
        add("operators", new Or(List.of(word(pick(commonWords, 0.07)), word(pick(mediumWords, 0.15)))));
        add("operators", new Or(List.of(word(pick(rareWords, 0.4)), word(pick(rareWords, 0.6)), word(pick(rareWords, 0.8)))));
        add("operators", new And(List.of(word(pick(commonWords, 0.04)), new Not(word(pick(commonWords, 0.08))))));
        add("operators", new And(List.of(word(pick(mediumWords, 0.2)), new Not(new Word("soviet")))));
        add("operators", new Prefix(prefix(pick(mediumWords, 0.12).text(), 5)));
        add("operators", new Prefix(prefix(pick(commonWords, 0.2).text(), 4)));
        add("operators", new Prefix("con"));

        // filters beside text
        String commonest = pick(commonWords, 0.0).text();
        add("filtered", word(pick(commonWords, 0.06)), filters(List.of("TELEGRAM"), List.of(), List.of(), List.of(), List.of(), null, null, null));
        add("filtered", word(pick(mediumWords, 0.04)), filters(List.of(), List.of(), List.of(), List.of(), List.of(), "1950", "1959", null));
        add("filtered", new Word(commonest), filters(List.of(), List.of(vocabulary.people().get(0).text()), List.of(), List.of(), List.of(), null, null, null));
        add("filtered", word(pick(commonWords, 0.09)), filters(List.of(), List.of(), List.of(places.get(0).text()), List.of("ko"), List.of(), null, null, null));
        add("filtered", word(pick(commonWords, 0.12)), filters(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, true));
        add("filtered", word(pick(rareWords, 0.15)), filters(List.of("LETTER"), List.of(), List.of(), List.of(), List.of(), null, null, null));
        add("filtered", new Word("conversation"), filters(List.of("RECORD_OF_CONVERSATION"), List.of(), List.of(), List.of(), List.of(), "1956", "1961", null));

        // browsing without text: newest first, a type in two years, a subject
        queries.add(new BenchQuery(id(), "browse", Optional.empty(), Filters.NONE, Sort.DATE_DESC, 1, 0));
        queries.add(new BenchQuery(id(), "browse", Optional.empty(),
                filters(List.of("MEMORANDUM"), List.of(), List.of(), List.of(), List.of(), "1956", "1957", null), Sort.DATE_ASC, 1, 0));
        queries.add(new BenchQuery(id(), "browse", Optional.empty(),
                filters(List.of(), List.of(), List.of(), List.of(), List.of(vocabulary.subjects().get(3).text()), null, null, null), Sort.DATE_ASC, 1, 0));

        // deep pages: by page number (offset) and by cursor
        queries.add(new BenchQuery(id(), "deep", Optional.of(word(pick(commonWords, 0.02))), Filters.NONE, Sort.RELEVANCE, 50, 0));
        queries.add(new BenchQuery(id(), "deep", Optional.of(word(pick(commonWords, 0.05))), Filters.NONE, Sort.RELEVANCE, 1000, 0));
        queries.add(new BenchQuery(id(), "deep", Optional.of(word(pick(mediumWords, 0.1))), Filters.NONE, Sort.RELEVANCE, 1, 200));
        queries.add(new BenchQuery(id(), "deep", Optional.of(new Word(commonest)), Filters.NONE, Sort.RELEVANCE, 1, 1000));
        queries.add(new BenchQuery(id(), "deep", Optional.empty(), Filters.NONE, Sort.DATE_ASC, 1, 5000));
        return List.copyOf(queries);
    }

    private void add(String band, Node text) {
        add(band, text, Filters.NONE);
    }

    private void add(String band, Node text, Filters filters) {
        queries.add(new BenchQuery(id(), band, Optional.of(text), filters, Sort.RELEVANCE, 1, 0));
    }

    private String id() {
        return String.format("q%02d", queries.size() + 1);
    }

    private static Filters filters(List<String> types, List<String> people, List<String> places, List<String> languages,
                                   List<String> subjects, String from, String to, Boolean translated) {
        return new Filters(types, people, places, languages, subjects, from, to, translated);
    }

    /** Lower-case alphabetic words of five letters or more (no proper nouns, no abbreviations). */
    private static List<Term> plain(List<Term> band) {
        return band.stream().filter(t -> t.text().matches("[a-z]{5,}")).toList();
    }

    /** The term at relative position {@code at} (0 = most frequent) not used yet by this mix. */
    private Term pick(List<Term> terms, double at) {
        int i = (int) Math.min(terms.size() - 1, Math.floor(at * terms.size()));
        for (int k = 0; k < terms.size(); k++) {
            Term t = terms.get((i + k) % terms.size());
            if (used.add(t.text().toLowerCase())) {
                return t;
            }
        }
        throw new IllegalStateException("ran out of terms");
    }

    private static Word word(Term t) {
        return new Word(t.text());
    }

    /** A name as the words a reader types: "Maurice Leroy" is two required words. */
    private static Node name(String text) {
        List<Node> words = Arrays.stream(text.split("[\\s]+")).filter(s -> !s.isBlank()).map(s -> (Node) new Word(s)).toList();
        return words.size() == 1 ? words.get(0) : new And(words);
    }

    private static String prefix(String word, int letters) {
        return word.toLowerCase().substring(0, Math.min(letters, word.length()));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
