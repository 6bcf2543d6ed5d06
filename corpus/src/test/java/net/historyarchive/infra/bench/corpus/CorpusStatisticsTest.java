package net.historyarchive.infra.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.bench.corpus.Vocabulary.Band;
import net.historyarchive.infra.bench.corpus.Vocabulary.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistical shape of the corpus, measured on a 10,000-document sample. */
class CorpusStatisticsTest {

    private static final int DOCUMENTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

    /** The running text of each document: summary and bodies. */
    private static final List<String> texts = new ArrayList<>();
    private static final Map<String, Integer> counts = new HashMap<>();
    private static long tokens;
    private static String all;

    @BeforeAll
    static void sample() throws Exception {
        StringBuilder everything = new StringBuilder();
        for (String line : new ArchiveCorpus(42).documents(DOCUMENTS).toList()) {
            JsonNode d = JSON.readTree(line);
            StringBuilder text = new StringBuilder();
            if (d.has("summary")) {
                text.append(d.get("summary").textValue()).append('\n');
            }
            if (d.has("texts")) {
                d.get("texts").forEach(t -> text.append(t.get("body").textValue()).append('\n'));
            }
            texts.add(text.toString());
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
                tokens++;
            }
            everything.append(line).append('\n');
        }
        all = everything.toString();
    }

    /**
     * Zipf's law: frequency proportional to 1/rank^s with s near 1, so the least-squares slope of
     * log frequency against log rank is near -1 (fitted over ranks 1 to 5,000, where a sample of
     * this size still counts each word many times).
     */
    @Test
    void wordFrequenciesFollowZipfsLaw() {
        List<Integer> frequencies = new ArrayList<>(counts.values());
        frequencies.sort((a, b) -> b - a);
        int n = Math.min(5000, frequencies.size());
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int r = 1; r <= n; r++) {
            double x = Math.log(r);
            double y = Math.log(frequencies.get(r - 1));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        System.out.printf("Zipf: %,d tokens, %,d distinct words, slope over ranks 1-%d: %.3f%n", tokens, counts.size(), n, slope);
        assertThat(slope).isBetween(-1.25, -0.8);
        assertThat(counts.size()).isGreaterThan(15_000); // a real vocabulary, not a few hundred words
    }

    @Test
    void domainVocabularySitsAmongTheCommonWords() {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i).getKey(), i + 1);
        }
        System.out.printf("Ranks: party %d, delegation %d, embassy %d, plenum %d, armistice %d, telegram %d%n", rank.get("party"),
                rank.get("delegation"), rank.get("embassy"), rank.get("plenum"), rank.get("armistice"), rank.get("telegram"));
        assertThat(rank.get("the")).isLessThanOrEqualTo(2);
        assertThat(rank.get("party")).isLessThan(300);
        assertThat(rank.get("delegation")).isLessThan(600);
        assertThat(rank.get("embassy")).isLessThan(1000);
        assertThat(rank.get("plenum")).isBetween(100, 2000);
        assertThat(rank.get("armistice")).isBetween(100, 2000);
        assertThat(rank.get("telegram")).isBetween(100, 3000);
    }

    /**
     * Typos come from their own random stream, so the same seed without typos gives the same
     * documents except for the touched words: comparing the two measures the real rate.
     */
    @Test
    void typosOccurAtALowRate() {
        List<String> with = new ArchiveCorpus(42).documents(3000).toList();
        List<String> without = new ArchiveCorpus(42, 0).documents(3000).toList();
        long eligible = 0;
        long changed = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            String[] a = with.get(i).split(" ");
            String[] b = without.get(i).split(" ");
            assertThat(a.length).isEqualTo(b.length);
            for (int j = 0; j < a.length; j++) {
                if (Typos.eligible(b[j].replaceAll("[.,;:?]+$", ""))) {
                    eligible++;
                }
                if (!a[j].equals(b[j])) {
                    changed++;
                    if (examples.size() < 12) {
                        examples.add(b[j] + " -> " + a[j]);
                    }
                }
            }
        }
        double rate = (double) changed / eligible;
        System.out.printf("Typos: %d of %d eligible words (%.3f%%), e.g. %s%n", changed, eligible, rate * 100, examples);
        assertThat(rate).isBetween(0.0015, 0.006);
    }

    @Test
    void namesAppearWithTheirTransliterationVariants() {
        assertThat(all).contains("Mao Zedong").containsAnyOf("Mao Tse-tung", "Máo Zédōng", "Mao Tsetung");
        assertThat(all).contains("Pyongyang").containsAnyOf("P'yŏngyang", "Phenian", "Pyeongyang");
        assertThat(all).contains("Kim Il Sung").containsAnyOf("Kim Il-sung", "Kim Il-sŏng", "Kim Ir Sen");
        assertThat(all).contains("Beijing").containsAnyOf("Peking", "Peiping", "Běijīng");
    }

    @Test
    void theVocabularyDescribesWhatTheDocumentsContain() {
        Vocabulary vocabulary = new ArchiveCorpus(42).vocabulary();
        List<Term> common = vocabulary.words(Band.COMMON);
        List<Term> medium = vocabulary.words(Band.MEDIUM);
        List<Term> rare = vocabulary.words(Band.RARE);
        assertThat(common).hasSizeBetween(100, 1000);
        assertThat(medium.size()).isGreaterThan(common.size());
        assertThat(rare.size()).isGreaterThan(5000);
        assertThat(common).extracting(Term::text).contains("party", "government").doesNotContain("the", "of");
        assertThat(common.get(0).weight()).isGreaterThan(medium.get(0).weight());
        assertThat(medium.get(0).weight()).isGreaterThan(rare.get(0).weight());

        // Common words are in most of the sample's documents, rare ones in few; all of them occur.
        assertThat(documentFrequency(common.get(0).text())).isGreaterThan(DOCUMENTS / 4);
        int mediumFound = 0;
        for (Term t : medium.subList(0, 50)) {
            if (counts.getOrDefault(t.text().toLowerCase(Locale.ROOT), 0) > 0) {
                mediumFound++;
            }
        }
        assertThat(mediumFound).isEqualTo(50);
        int rareFound = 0;
        for (Term t : rare.subList(0, 200)) {
            if (counts.getOrDefault(t.text().toLowerCase(Locale.ROOT), 0) > 0) {
                rareFound++;
            }
        }
        assertThat(rareFound).isGreaterThan(150);

        assertThat(vocabulary.people()).hasSizeGreaterThan(5000);
        Term mao = vocabulary.people().stream().filter(t -> t.text().equals("Mao Zedong")).findFirst().orElseThrow();
        assertThat(mao.variants()).contains("Mao Tse-tung", "Máo Zédōng");
        assertThat(vocabulary.people().get(0).weight()).isGreaterThan(vocabulary.people().get(1000).weight());
        Term pyongyang = vocabulary.places().get(0);
        assertThat(pyongyang.text()).isEqualTo("Pyongyang");
        assertThat(pyongyang.variants()).contains("P'yŏngyang");
        assertThat(vocabulary.phrases()).extracting(Term::text).contains("economic and technical aid");
        assertThat(all).contains(vocabulary.phrases().get(0).text());
        assertThat(vocabulary.subjects()).extracting(Term::text).contains("Korean War", "Cold War");
    }

    private static int documentFrequency(String word) {
        Pattern p = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
        int n = 0;
        for (String text : texts) {
            if (p.matcher(text).find()) {
                n++;
            }
        }
        return n;
    }
}
