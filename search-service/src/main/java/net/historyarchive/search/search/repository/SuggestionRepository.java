package net.historyarchive.search.search.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.search.api.Suggestion;
import net.historyarchive.search.search.query.QueryParser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Completions as the user types: people, places and subjects whose name (or a word in it) starts
 * with the text, names first that start with it, shortest first; and titles whose words start
 * with the typed words. Names no live document carries any more are left out.
 */
@ApplicationScoped
public class SuggestionRepository {

    /** Titles are gathered from at most this many matches before the shortest are picked. */
    private static final int TITLE_SAMPLE = 200;

    private final AgroalDataSource dataSource;

    public SuggestionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Suggestion> suggest(String typed, Set<String> kinds, int size) throws SQLException {
        String folded = QueryParser.fold(typed).strip().replaceAll("\\s+", " ");
        List<Suggestion> suggestions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> nameKinds = kinds.stream().filter(k -> !k.equals("title")).sorted().toList();
            if (!nameKinds.isEmpty() && !folded.isEmpty()) {
                suggestions.addAll(names(connection, folded, nameKinds, size));
            }
            if (kinds.contains("title")) {
                suggestions.addAll(titles(connection, folded, size));
            }
        }
        return suggestions;
    }

    private List<Suggestion> names(Connection connection, String folded, List<String> kinds, int size) throws SQLException {
        String like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String sql = """
                SELECT kind, value FROM search_suggestion s
                WHERE kind = ANY (?) AND (folded LIKE ? || '%' OR folded LIKE '% ' || ? || '%')
                  AND ((kind = 'person' AND EXISTS (SELECT 1 FROM document_view d WHERE NOT d.deleted AND d.people @> ARRAY[s.value]))
                    OR (kind = 'place' AND EXISTS (SELECT 1 FROM document_view d WHERE NOT d.deleted AND d.places @> ARRAY[s.value]))
                    OR (kind = 'subject' AND EXISTS (SELECT 1 FROM document_view d WHERE NOT d.deleted AND d.subjects @> ARRAY[s.value])))
                ORDER BY (folded LIKE ? || '%') DESC, length(value), value
                LIMIT ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", kinds.toArray()));
            statement.setString(2, like);
            statement.setString(3, like);
            statement.setString(4, like);
            statement.setInt(5, size);
            List<Suggestion> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Suggestion(rs.getString(1), rs.getString(2), null));
                }
            }
            return found;
        }
    }

    private List<Suggestion> titles(Connection connection, String folded, int size) throws SQLException {
        // Each typed word as a prefix; only letters and digits reach to_tsquery, so its syntax cannot be injected.
        String prefixes = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .map(w -> w + ":*").collect(Collectors.joining(" & "));
        if (prefixes.isEmpty()) {
            return List.of();
        }
        // Smallest index buckets first, stopping at the sample: a two-letter prefix of a common word
        // must not collect every title in the archive.
        Sql sql = new Sql().append("SELECT id, title FROM (SELECT * FROM (")
                .append(Buckets.unionAll("id, title", new Sql().append("title_vector @@ to_tsquery('english', ?)", prefixes)))
                .append(") u LIMIT ?) sample ORDER BY length(title), title, id LIMIT ?", TITLE_SAMPLE, size);
        try (PreparedStatement statement = sql.prepare(connection)) {
            List<Suggestion> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Suggestion("title", rs.getString(2), rs.getObject(1, UUID.class)));
                }
            }
            return found;
        }
    }
}
