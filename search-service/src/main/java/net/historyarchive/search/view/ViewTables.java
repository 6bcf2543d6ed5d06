package net.historyarchive.search.view;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The three tables the view consists of: the documents, the lexicon of indexed words and the
 * suggestions. {@link #LIVE} is what search reads; {@link #REBUILD} is the fresh set a rebuild
 * fills before it is swapped in under the live names.
 */
public record ViewTables(String view, String lexeme, String suggestion) {

    /** Table names go into SQL text, so only plain lower-case identifiers are allowed. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

    public static final ViewTables LIVE = new ViewTables("document_view", "search_lexeme", "search_suggestion");
    public static final ViewTables REBUILD = new ViewTables("document_view_rebuild", "search_lexeme_rebuild", "search_suggestion_rebuild");

    public ViewTables {
        for (String name : List.of(view, lexeme, suggestion)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + name);
            }
        }
    }

    public List<String> all() {
        return List.of(view, lexeme, suggestion);
    }
}
