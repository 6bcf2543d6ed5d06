package net.historyarchive.search.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the search box syntax: words (all must match), {@code "exact phrases"}, {@code OR}
 * between terms, {@code -excluded} terms, {@code prefix*} and parentheses for grouping. Every
 * other character is plain text: leaves reach the engine as the text of structured queries, never
 * as query-string syntax, so {@code ' & | ! : \ ~ ^}
 * cannot change the query's meaning.
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;
    private static final int MIN_PREFIX = 2;

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int terms;

    private QueryParser(String text) {
        this.text = text;
    }

    /** The query tree, or empty when the text holds no terms at all (a browse request). */
    public static Optional<QueryNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("The query is longer than " + MAX_LENGTH + " characters");
        }
        QueryParser parser = new QueryParser(text);
        parser.tokenize();
        QueryNode query = parser.orExpression();
        if (parser.next < parser.tokens.size()) {
            Token stray = parser.tokens.get(parser.next);
            throw new QuerySyntaxException("Unexpected '" + stray.text + "' at position " + (stray.position + 1)
                    + (stray.kind == Kind.CLOSE ? ": no matching '('" : ""));
        }
        if (!hasPositiveTerm(query)) {
            throw new QuerySyntaxException("The query only excludes terms; add at least one term to search for");
        }
        return Optional.of(query);
    }

    /** Lower case without accents, as the index stores words ("Máo" becomes "mao"). */
    public static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private enum Kind { WORD, PHRASE, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String text, int position) {
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException("Unclosed quote at position " + (i + 1));
                }
                tokens.add(new Token(Kind.PHRASE, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '-' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                throw new QuerySyntaxException("Nothing to exclude after '-' at position " + (i + 1));
            } else if (c == '-') {
                tokens.add(new Token(Kind.NOT, "-", i));
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                tokens.add(new Token(word.equals("OR") ? Kind.OR : Kind.WORD, word, i));
                i = end;
            }
        }
    }

    private QueryNode orExpression() {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(andExpression());
        while (peek(Kind.OR)) {
            next++;
            operands.add(andExpression());
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.Or(List.copyOf(operands));
    }

    private QueryNode andExpression() {
        List<QueryNode> operands = new ArrayList<>();
        while (next < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
            operands.add(unary());
        }
        if (operands.isEmpty()) {
            Token at = next < tokens.size() ? tokens.get(next) : null;
            if (at != null && at.kind == Kind.OR || next > 0 && tokens.get(next - 1).kind == Kind.OR) {
                throw new QuerySyntaxException("OR needs a term on both sides" + position(at));
            }
            throw new QuerySyntaxException("Expected a search term" + position(at));
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.And(List.copyOf(operands));
    }

    private QueryNode unary() {
        Token token = tokens.get(next++);
        return switch (token.kind) {
            case NOT -> {
                if (next >= tokens.size() || peek(Kind.OR) || peek(Kind.CLOSE) || peek(Kind.NOT)) {
                    throw new QuerySyntaxException("Nothing to exclude after '-' at position " + (token.position + 1));
                }
                yield new QueryNode.Not(unary());
            }
            case OPEN -> {
                if (peek(Kind.CLOSE)) {
                    throw new QuerySyntaxException("Empty parentheses at position " + (token.position + 1));
                }
                QueryNode inner = orExpression();
                if (!peek(Kind.CLOSE)) {
                    throw new QuerySyntaxException("Unclosed '(' at position " + (token.position + 1));
                }
                next++;
                yield inner;
            }
            case PHRASE -> term(new QueryNode.Phrase(token.text));
            case WORD -> term(word(token));
            default -> throw new QuerySyntaxException("Unexpected '" + token.text + "' at position " + (token.position + 1));
        };
    }

    private QueryNode word(Token token) {
        if (!token.text.endsWith("*")) {
            return new QueryNode.Word(token.text);
        }
        String prefix = fold(token.text.substring(0, token.text.length() - 1)).replaceAll("[^\\p{L}\\p{N}]", "");
        if (prefix.length() < MIN_PREFIX) {
            throw new QuerySyntaxException("A prefix search needs at least " + MIN_PREFIX + " letters before '*' at position "
                    + (token.position + 1));
        }
        return new QueryNode.Prefix(prefix);
    }

    private QueryNode term(QueryNode node) {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException("The query has more than " + MAX_TERMS + " terms");
        }
        return node;
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind == kind;
    }

    private static String position(Token at) {
        return at == null ? " at the end of the query" : " at position " + (at.position + 1);
    }

    private static boolean hasPositiveTerm(QueryNode node) {
        if (node instanceof QueryNode.Not) {
            return false;
        }
        if (node instanceof QueryNode.And and) {
            return and.operands().stream().anyMatch(QueryParser::hasPositiveTerm);
        }
        if (node instanceof QueryNode.Or or) {
            return or.operands().stream().allMatch(QueryParser::hasPositiveTerm);
        }
        return true;
    }
}
