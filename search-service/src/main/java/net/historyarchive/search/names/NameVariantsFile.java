package net.historyarchive.search.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the variants format: one name a line, {@code preferred | spelling / spelling | source};
 * blank lines and lines starting with {@code #} are comments. Every mistake is reported with its
 * line number, all at once, so an archivist can fix a list in one go.
 */
public final class NameVariantsFile {

    /** The list kept in the repository. */
    public static final String RESOURCE = "names/name-variants.txt";
    static final int MAX_LINE = 1000;
    static final int MAX_SPELLING = 200;

    /** The lines that cannot be read, each with what is wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private final List<String> errors;

        Invalid(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    private NameVariantsFile() {
    }

    /** The repository's list, from the classpath. */
    public static List<NameEntry> bundled() {
        try (InputStream in = NameVariantsFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<NameEntry> parse(String text) {
        List<NameEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = Normalizer.normalize(lines[i].strip(), Normalizer.Form.NFC);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> lineErrors = new ArrayList<>();
            NameEntry entry = entry(line, lineErrors);
            if (entry != null) {
                for (String spelling : entry.spellings()) {
                    Integer earlier = lineOfKey.putIfAbsent(NameKey.of(spelling), number);
                    if (earlier != null && earlier != number) {
                        lineErrors.add("'" + spelling + "' is already a spelling of the name on line " + earlier);
                    }
                }
            }
            lineErrors.forEach(e -> errors.add("line " + number + ": " + e));
            if (lineErrors.isEmpty()) {
                entries.add(entry);
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return entries;
    }

    private static NameEntry entry(String line, List<String> errors) {
        if (line.length() > MAX_LINE) {
            errors.add("longer than " + MAX_LINE + " characters");
            return null;
        }
        if (line.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("contains a control character");
            return null;
        }
        String[] fields = line.split("\\|", -1);
        if (fields.length != 3) {
            errors.add("expected 'preferred form | spelling / spelling | source', found " + fields.length + " field(s)");
            return null;
        }
        String preferred = fields[0].strip();
        List<String> variants = Arrays.stream(fields[1].split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String source = fields[2].strip();
        if (preferred.isEmpty()) {
            errors.add("the preferred form is empty");
        }
        if (variants.isEmpty()) {
            errors.add("no other spelling is given");
        }
        if (source.isEmpty()) {
            errors.add("no source is given: say where the spellings come from");
        }
        List<String> spellings = new ArrayList<>(variants);
        spellings.add(0, preferred);
        for (String spelling : spellings) {
            if (spelling.length() > MAX_SPELLING) {
                errors.add("'" + spelling.substring(0, 20) + "...' is longer than " + MAX_SPELLING + " characters");
            } else if (!spelling.isEmpty() && NameKey.of(spelling).isEmpty()) {
                errors.add("'" + spelling + "' has no letters");
            }
        }
        return errors.isEmpty() ? new NameEntry(preferred, variants, source) : null;
    }
}
