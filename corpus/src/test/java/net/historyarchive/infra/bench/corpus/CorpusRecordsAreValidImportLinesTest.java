package net.historyarchive.infra.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated line must pass the catalog's import rules (catalog-service DocumentInput and its
 * nested inputs, PartialDates, LanguageCodeValidator, SafeText), restated here because infra does
 * not depend on the catalog; catalog-service's CorpusImportTest imports generated lines for real.
 */
class CorpusRecordsAreValidImportLinesTest {

    private static final int DOCUMENTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCUMENT_FIELDS = Set.of("title", "summary", "date", "documentType", "languages",
            "texts", "source", "rights", "collections", "subjects", "people", "places", "related", "media");
    private static final Set<String> DATE_FIELDS = Set.of("display", "start", "end", "precision", "qualifier");
    private static final Set<String> TEXT_FIELDS = Set.of("kind", "language", "body", "translators");
    private static final Set<String> SOURCE_FIELDS = Set.of("repository", "fond", "opis", "delo", "folios", "citation");
    private static final Set<String> RIGHTS_FIELDS = Set.of("statement", "uri", "reuse");
    private static final Set<String> MEDIA_FIELDS = Set.of("uri", "mediaType", "caption");
    private static final Set<String> DOCUMENT_TYPES = Set.of("LETTER", "MEMORANDUM", "TELEGRAM", "RECORD_OF_CONVERSATION",
            "DIARY", "JOURNAL", "REPORT", "MINUTES", "RESOLUTION", "DECREE", "SPEECH", "STATEMENT", "TREATY", "NOTE",
            "TRANSCRIPT", "INTERVIEW", "ARTICLE", "OTHER");
    private static final Set<String> PRECISIONS = Set.of("DAY", "MONTH", "YEAR", "DECADE", "RANGE", "UNKNOWN");
    private static final Set<String> QUALIFIERS = Set.of("NONE", "APPROXIMATE", "INFERRED", "UNCERTAIN");
    private static final Set<String> TEXT_KINDS = Set.of("ORIGINAL", "TRANSCRIPT", "TRANSLATION");
    private static final Set<String> REUSE = Set.of("PUBLIC_DOMAIN", "OPEN_LICENSE", "EDUCATIONAL_USE", "PERMISSION_REQUIRED", "UNKNOWN");
    private static final Pattern URI = Pattern.compile("https?://\\S+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]+");
    private static final Set<String> LANGUAGES = languageCodes();

    private static List<String> lines;
    private static List<JsonNode> documents;

    private static Set<String> languageCodes() {
        Set<String> codes = new HashSet<>(List.of(Locale.getISOLanguages()));
        for (String two : Locale.getISOLanguages()) {
            codes.add(new Locale(two).getISO3Language());
        }
        return codes;
    }

    @BeforeAll
    static void generate() throws Exception {
        lines = new ArchiveCorpus(42).documents(DOCUMENTS).toList();
        documents = new ArrayList<>();
        for (String line : lines) {
            documents.add(JSON.readTree(line));
        }
    }

    @Test
    void everyLineIsOneJsonObjectWithOnlyKnownFields() {
        for (int i = 0; i < DOCUMENTS; i++) {
            String line = lines.get(i);
            assertThat(line).doesNotContain("\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(2 * 1024 * 1024);
            JsonNode d = documents.get(i);
            assertThat(d.isObject()).isTrue();
            assertFields(d, DOCUMENT_FIELDS, line);
            // Left out on purpose: the catalog takes collections and related documents only as ids of existing records.
            assertThat(d.has("collections")).isFalse();
            assertThat(d.has("related")).isFalse();
        }
    }

    @Test
    void requiredFieldsAndLengthsAreWithinTheCatalogLimits() {
        for (JsonNode d : documents) {
            String title = text(d, "title");
            assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(1000);
            if (d.has("summary")) {
                assertThat(text(d, "summary")).hasSizeLessThanOrEqualTo(20000);
            }
            if (d.has("documentType")) {
                assertThat(DOCUMENT_TYPES).contains(text(d, "documentType"));
            }
            assertThat(d.get("languages").size()).isBetween(1, 20);
            d.get("languages").forEach(l -> assertThat(LANGUAGES).contains(l.textValue()));
            stringList(d, "subjects", 200);
            stringList(d, "people", 500);
            stringList(d, "places", 200);
            if (d.has("texts")) {
                assertThat(d.get("texts").size()).isBetween(1, 50);
                for (JsonNode t : d.get("texts")) {
                    assertFields(t, TEXT_FIELDS, t.toString());
                    assertThat(TEXT_KINDS).contains(text(t, "kind"));
                    assertThat(LANGUAGES).contains(text(t, "language"));
                    assertThat(text(t, "body")).isNotBlank().hasSizeLessThanOrEqualTo(1_000_000);
                    stringList(t, "translators", 20);
                }
            }
            if (d.has("source")) {
                JsonNode s = d.get("source");
                assertFields(s, SOURCE_FIELDS, s.toString());
                assertThat(text(s, "repository")).hasSizeLessThanOrEqualTo(500);
                for (String f : List.of("fond", "opis", "delo", "folios")) {
                    if (s.has(f)) {
                        assertThat(text(s, f)).hasSizeLessThanOrEqualTo(100);
                    }
                }
                if (s.has("citation")) {
                    assertThat(text(s, "citation")).hasSizeLessThanOrEqualTo(2000);
                }
            }
            if (d.has("rights")) {
                JsonNode r = d.get("rights");
                assertFields(r, RIGHTS_FIELDS, r.toString());
                assertThat(text(r, "statement")).hasSizeLessThanOrEqualTo(2000);
                if (r.has("uri")) {
                    assertThat(text(r, "uri")).matches(URI);
                }
                assertThat(REUSE).contains(text(r, "reuse"));
            }
            if (d.has("media")) {
                assertThat(d.get("media").size()).isBetween(1, 100);
                for (JsonNode m : d.get("media")) {
                    assertFields(m, MEDIA_FIELDS, m.toString());
                    assertThat(text(m, "uri")).matches(URI).hasSizeLessThanOrEqualTo(2000);
                    assertThat(text(m, "mediaType")).matches(MEDIA_TYPE);
                    assertThat(text(m, "caption")).hasSizeLessThanOrEqualTo(500);
                }
            }
        }
    }

    @Test
    void everyStringIsSafeTextInNfc() {
        for (JsonNode d : documents) {
            strings(d).forEach(s -> {
                assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as("NFC: %s", s).isTrue();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    assertThat(c >= 0x20 && c != 0x7f || c == '\n').as("control character in %s", s).isTrue();
                    assertThat(Character.isSurrogate(c)).isFalse();
                }
            });
        }
    }

    @Test
    void datesFollowThePartialDateRulesAndEveryPrecisionAndQualifierOccurs() {
        Map<String, Integer> precisions = new TreeMap<>();
        Map<String, Integer> qualifiers = new TreeMap<>();
        for (JsonNode d : documents) {
            if (!d.has("date")) {
                precisions.merge("(undated)", 1, Integer::sum);
                continue;
            }
            JsonNode date = d.get("date");
            assertFields(date, DATE_FIELDS, date.toString());
            String precision = text(date, "precision");
            assertThat(PRECISIONS).contains(precision);
            precisions.merge(precision, 1, Integer::sum);
            if (date.has("qualifier")) {
                assertThat(QUALIFIERS).contains(text(date, "qualifier"));
                qualifiers.merge(text(date, "qualifier"), 1, Integer::sum);
            }
            if (date.has("display")) {
                assertThat(text(date, "display")).isNotBlank().hasSizeLessThanOrEqualTo(200);
            }
            if (precision.equals("UNKNOWN")) {
                assertThat(date.has("start") || date.has("end")).as(date.toString()).isFalse();
                assertThat(date.has("display")).as(date.toString()).isTrue();
                continue;
            }
            LocalDate start = LocalDate.parse(text(date, "start"));
            assertThat(start.getYear()).isBetween(1900, 1999);
            if (precision.equals("RANGE")) {
                assertThat(LocalDate.parse(text(date, "end"))).isAfterOrEqualTo(start);
            } else {
                assertThat(date.has("end")).as(date.toString()).isFalse();
            }
        }
        assertThat(precisions).containsKeys("DAY", "MONTH", "YEAR", "DECADE", "RANGE", "UNKNOWN", "(undated)");
        assertThat(qualifiers).containsKeys("NONE", "APPROXIMATE", "INFERRED", "UNCERTAIN");
        assertThat(precisions.get("DAY")).isGreaterThan(DOCUMENTS / 2);
    }

    @Test
    void sizesAreRealistic() {
        List<Integer> bodies = new ArrayList<>();
        Map<String, Integer> kinds = new HashMap<>();
        int translated = 0;
        for (JsonNode d : documents) {
            if (d.has("summary")) {
                assertThat(words(text(d, "summary"))).as(text(d, "summary")).isBetween(30, 120);
            }
            if (d.has("texts")) {
                for (JsonNode t : d.get("texts")) {
                    int n = words(text(t, "body"));
                    assertThat(n).isLessThanOrEqualTo(1500);
                    bodies.add(n);
                    kinds.merge(text(t, "kind"), 1, Integer::sum);
                    if (t.has("translators")) {
                        translated++;
                    }
                }
            }
        }
        bodies.sort(null);
        assertThat(kinds).containsKeys("ORIGINAL", "TRANSCRIPT", "TRANSLATION");
        assertThat(translated).isPositive();
        long withTexts = documents.stream().filter(d -> d.has("texts")).count();
        assertThat(withTexts).isBetween(DOCUMENTS * 35L / 100, DOCUMENTS * 65L / 100);
        int median = bodies.get(bodies.size() / 2);
        double mean = bodies.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(median).isBetween(120, 280);
        assertThat(mean).isGreaterThan(median); // skewed to the right
        assertThat(bodies.get(bodies.size() - 1)).isGreaterThan(1000);
    }

    @Test
    void allDocumentTypesOccurAndTitlesFollowTheSeedPageForms() {
        Set<String> types = new HashSet<>();
        Set<String> forms = new HashSet<>();
        for (JsonNode d : documents) {
            if (d.has("documentType")) {
                types.add(text(d, "documentType"));
            }
            String title = text(d, "title");
            for (String form : List.of("Record of a Conversation between ", "Telegram from ", "Memorandum ", "Letter from ",
                    "Journal of ", "Record of a Meeting between the ")) {
                if (title.startsWith(form)) {
                    forms.add(form);
                }
            }
        }
        assertThat(types).isEqualTo(DOCUMENT_TYPES);
        assertThat(forms).hasSize(6);
    }

    private static void assertFields(JsonNode node, Set<String> allowed, String context) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(allowed).as("unknown field %s in %s", name, context).contains(name);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s in %s", field, node).isNotNull();
        assertThat(value.isTextual()).as("%s is a string in %s", field, node).isTrue();
        return value.textValue();
    }

    private static void stringList(JsonNode node, String field, int max) {
        if (!node.has(field)) {
            return;
        }
        JsonNode list = node.get(field);
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isBetween(1, max);
        list.forEach(v -> assertThat(v.textValue()).isNotBlank().hasSizeLessThanOrEqualTo(300));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(child -> out.addAll(strings(child)));
        return out;
    }

    static int words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
