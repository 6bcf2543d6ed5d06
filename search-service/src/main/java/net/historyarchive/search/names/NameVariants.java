package net.historyarchive.search.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every known spelling of every name, by {@link NameKey}: the preferred form of a spelling, and
 * the phrases that find a name under each of its spellings in text. Immutable; a new list of
 * variants is a new instance.
 */
public final class NameVariants {

    /** A name: its preferred form and every spelling it is written in. */
    public record Name(String preferred, List<String> spellings) {
    }

    /** The longest run of words looked at as one name ("Iosif Vissarionovich Stalin"). */
    static final int MAX_WORDS = 5;

    public static final NameVariants NONE = new NameVariants(List.of());

    private final Map<String, Name> byKey = new HashMap<>();
    private final List<NameEntry> entries;

    /**
     * Later entries win: a spelling listed again (an archivist's list after the repository's)
     * moves to that entry's name, whose preferred form the facets then show.
     */
    public NameVariants(List<NameEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, LinkedHashSet<String>> groups = new LinkedHashMap<>();
        Map<String, String> groupOfKey = new HashMap<>();
        for (NameEntry entry : entries) {
            LinkedHashSet<String> merged = new LinkedHashSet<>(entry.spellings());
            for (String spelling : entry.spellings()) {
                String earlier = groupOfKey.get(NameKey.of(spelling));
                if (earlier != null && groups.containsKey(earlier)) {
                    merged.addAll(groups.remove(earlier));
                }
            }
            groups.put(entry.preferred(), merged);
            merged.forEach(s -> groupOfKey.put(NameKey.of(s), entry.preferred()));
        }
        groups.forEach((preferred, spellings) -> {
            Name name = new Name(preferred, List.copyOf(spellings));
            spellings.forEach(s -> byKey.put(NameKey.of(s), name));
        });
    }

    public List<NameEntry> entries() {
        return entries;
    }

    /** The name a run of words spells (with any hyphens, spaces or accents), if it is a known name. */
    public Optional<Name> lookUp(String spelling) {
        return Optional.ofNullable(byKey.get(NameKey.of(spelling)));
    }

    /**
     * The name as facets and filters show it: each known name inside it in its preferred form,
     * the longest first ("Nikita Khrushchov" is "Nikita Khrushchev"); other words as written.
     */
    public String preferred(String name) {
        String[] words = name.strip().split("\\s+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int matched = 0;
            for (int n = Math.min(MAX_WORDS, words.length - i); n >= 1 && matched == 0; n--) {
                Name known = byKey.get(NameKey.of(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n))));
                if (known != null) {
                    out.add(known.preferred());
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(words[i]);
                matched = 1;
            }
            i += matched;
        }
        return String.join(" ", out);
    }

    /**
     * Phrases that find the name in text under each of its spellings as the index analyses text:
     * each spelling as written (hyphen or space alike), with its given name run together
     * ("Kim Ilsung"), and with apostrophes dropped or typeset (’).
     */
    public static Set<String> phrases(Name name) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String spelling : name.spellings()) {
            for (String apostrophes : List.of(spelling, spelling.replaceAll("['’ʼ]", ""), spelling.replaceAll("['ʼ]", "’"))) {
                String[] parts = apostrophes.strip().split("[\\s-]+");
                phrases.add(String.join(" ", parts));
                if (parts.length > 2) {
                    phrases.add(parts[0] + " " + String.join("", java.util.Arrays.copyOfRange(parts, 1, parts.length)));
                }
            }
        }
        return phrases;
    }
}
