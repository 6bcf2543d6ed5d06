package net.historyarchive.infra.bench.corpus;

import net.historyarchive.infra.bench.corpus.Entities.Country;
import net.historyarchive.infra.bench.corpus.Entities.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the corpus is made of, ranked by how often the generator uses it, so that a search benchmark
 * can draw a query mix from rare to common terms that really occur in the documents. Weights are
 * expected shares within their list (the words' weights are their shares of lexicon word tokens in
 * the generated running text; people's and places' are shares of mentions). They are the
 * generator's own distributions, not counts over a particular generated file.
 */
public final class Vocabulary {

    /** Frequency bands of content words (stop words and function words excluded). */
    public enum Band {
        /** At least 300 per million word tokens: a few hundred words such as "government", "party". */
        COMMON,
        /** From 10 to 300 per million. */
        MEDIUM,
        /** Below 10 per million (seen 2 to 11 times in the Brown Corpus). */
        RARE
    }

    /**
     * One term.
     *
     * @param text the usual spelling
     * @param rank 1 for the most frequent of its list
     * @param weight expected share within its list
     * @param variants every spelling the documents use (first is {@code text}): transliterations,
     *                 accent-free forms
     */
    public record Term(String text, int rank, double weight, List<String> variants) {
    }

    /** PostgreSQL's English stop words (from Snowball), which full-text search ignores. */
    public static final Set<String> STOP_WORDS = Set.of("i", "me", "my", "myself", "we", "our", "ours", "ourselves",
            "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
            "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who",
            "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have",
            "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because",
            "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through",
            "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over",
            "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any",
            "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
            "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now");

    private static volatile Vocabulary instance;

    private final List<Term> words;
    private final Map<Band, List<Term>> bands = new LinkedHashMap<>();
    private final List<Term> people;
    private final List<Term> places;
    private final List<Term> phrases;
    private final List<Term> subjects;

    static Vocabulary of(Lexicon lexicon, Entities entities) {
        Vocabulary v = instance;
        if (v == null) {
            synchronized (Vocabulary.class) {
                v = instance;
                if (v == null) {
                    v = instance = new Vocabulary(lexicon, entities);
                }
            }
        }
        return v;
    }

    private Vocabulary(Lexicon lexicon, Entities entities) {
        List<Term> all = new ArrayList<>();
        Map<Band, List<Term>> byBand = new LinkedHashMap<>();
        for (Band b : Band.values()) {
            byBand.put(b, new ArrayList<>());
        }
        for (Lexicon.Word w : lexicon.vocabulary) {
            double weight = (double) w.count() / lexicon.totalCount;
            Term term = new Term(w.spelling(), all.size() + 1, weight, List.of(w.spelling()));
            all.add(term);
            String lower = w.spelling().toLowerCase();
            if (Lexicon.isContentTag(w.mainTag()) && !STOP_WORDS.contains(lower) && lower.chars().allMatch(Character::isLetter)) {
                Band band = weight >= 300e-6 ? Band.COMMON : weight >= 10e-6 ? Band.MEDIUM : Band.RARE;
                byBand.get(band).add(term);
            }
        }
        words = List.copyOf(all);
        byBand.forEach((b, list) -> bands.put(b, List.copyOf(list)));

        double originSum = entities.countries.stream().mapToDouble(Country::originWeight).sum();
        double focusSum = entities.countries.stream().mapToDouble(Country::focusWeight).sum();
        Map<Named, Double> personWeights = new LinkedHashMap<>();
        Map<Named, Double> placeWeights = new LinkedHashMap<>();
        for (Country c : entities.countries) {
            double share = (c.originWeight() / originSum + c.focusWeight() / focusSum) / 2;
            zipfShares(entities.people.get(c.code()).items, share, personWeights);
            zipfShares(entities.places.get(c.code()).items, c.focusWeight() / focusSum, placeWeights);
        }
        people = named(personWeights);
        places = named(placeWeights);
        phrases = strings(entities.phrases.items, 1.0);
        List<Term> subjectTerms = new ArrayList<>();
        Map<String, Double> subjectWeights = new LinkedHashMap<>();
        // Roughly: each country's list is drawn from about equally often (the generator favours the focus country's).
        entities.subjects.forEach((code, pool) -> zipfShares(pool.items, 1.0 / entities.subjects.size(), subjectWeights));
        subjectWeights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> subjectTerms.add(new Term(e.getKey(), subjectTerms.size() + 1, e.getValue(), List.of(e.getKey()))));
        subjects = List.copyOf(subjectTerms);
    }

    private static <T> void zipfShares(List<T> items, double share, Map<T, Double> into) {
        double h = 0;
        for (int i = 0; i < items.size(); i++) {
            h += 1.0 / (i + 1);
        }
        for (int i = 0; i < items.size(); i++) {
            into.merge(items.get(i), share / (i + 1) / h, Double::sum);
        }
    }

    private static List<Term> named(Map<Named, Double> weights) {
        List<Term> terms = new ArrayList<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<Named, Double>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().canonical()))
                .forEach(e -> terms.add(new Term(e.getKey().canonical(), terms.size() + 1, e.getValue(), e.getKey().variants())));
        return List.copyOf(terms);
    }

    private static List<Term> strings(List<String> items, double share) {
        Map<String, Double> weights = new LinkedHashMap<>();
        zipfShares(items, share, weights);
        List<Term> terms = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> terms.add(new Term(e.getKey(), terms.size() + 1, e.getValue(), List.of(e.getKey()))));
        return terms;
    }

    /** Every word of the lexicon (function words included), most frequent first. */
    public List<Term> words() {
        return words;
    }

    /** Content words of one frequency band, most frequent first. */
    public List<Term> words(Band band) {
        return bands.get(band);
    }

    /** People, historical and invented, most often named first; variants are their other spellings. */
    public List<Term> people() {
        return people;
    }

    /** Places, most often named first; variants are their other spellings and older names. */
    public List<Term> places() {
        return places;
    }

    /** Multi-word phrases of the domain as they appear in titles and summaries ("economic and technical aid"). */
    public List<Term> phrases() {
        return phrases;
    }

    /** Subject headings, most used first. */
    public List<Term> subjects() {
        return subjects;
    }
}
