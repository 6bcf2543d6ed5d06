package net.historyarchive.search.names;

import java.util.ArrayList;
import java.util.List;

/** One line of the variants file: the preferred form, the other spellings, and where they come from. */
public record NameEntry(String preferred, List<String> variants, String source) {

    public NameEntry {
        variants = List.copyOf(variants);
    }

    /** The preferred form first, then the other spellings as listed. */
    public List<String> spellings() {
        List<String> all = new ArrayList<>();
        all.add(preferred);
        all.addAll(variants);
        return all;
    }
}
