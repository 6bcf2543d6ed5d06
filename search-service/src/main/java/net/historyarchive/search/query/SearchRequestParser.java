package net.historyarchive.search.query;

import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.search.query.QueryNode;
import net.historyarchive.search.query.QueryParser;
import net.historyarchive.search.query.QuerySyntaxException;
import net.historyarchive.search.query.SearchRequest.DateMatch;
import net.historyarchive.search.query.SearchRequest.Facet;
import net.historyarchive.search.query.SearchRequest.Sort;
import net.historyarchive.search.query.SearchRequest.Undated;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns query parameters into a {@link SearchRequest}, collecting every problem into one 400
 * answer: unknown parameters, repeated single-valued ones, out-of-range numbers, unknown sort or
 * facet names, malformed dates and query syntax errors.
 */
public final class SearchRequestParser {

    public static final int MAX_SIZE = 100;
    public static final int MAX_VALUES = 20;
    public static final int MAX_VALUE_LENGTH = 500;
    private static final Set<String> KNOWN = Set.of("q", "page", "size", "cursor", "sort", "dateFrom", "dateTo", "dateMatch",
            "undated", "collection", "subject", "person", "place", "language", "type", "hasTranslation", "facets", "facetSize",
            "explain");
    private static final Set<String> REPEATABLE = Set.of("collection", "subject", "person", "place", "language", "type", "facets");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private final Map<String, List<String>> parameters;
    private final int maxWindow;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private SearchRequestParser(Map<String, List<String>> parameters, int maxWindow) {
        this.parameters = parameters;
        this.maxWindow = maxWindow;
    }

    /** @param maxWindow the deepest result (page times size) reachable with page numbers */
    public static SearchRequest parse(Map<String, List<String>> parameters, int maxWindow) {
        return new SearchRequestParser(parameters, maxWindow).parse();
    }

    private SearchRequest parse() {
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(KNOWN);
        unknown.forEach(name -> error(name, "unknown parameter; known parameters are " + new TreeSet<>(KNOWN)));
        parameters.forEach((name, values) -> {
            if (KNOWN.contains(name) && !REPEATABLE.contains(name) && values.size() > 1) {
                error(name, "give this parameter at most once");
            }
            if (values.size() > MAX_VALUES) {
                error(name, "at most " + MAX_VALUES + " values");
            }
            if (values.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH && !name.equals("cursor"))) {
                error(name, "values are limited to " + MAX_VALUE_LENGTH + " characters");
            }
            if (values.stream().anyMatch(SearchRequestParser::hasControlCharacters)) {
                error(name, "control characters are not allowed");
            }
        });

        // A q already rejected (too long, control characters) is not parsed; the other parameters still are.
        Optional<QueryNode> query = errors.stream().anyMatch(e -> e.field().equals("q")) ? Optional.empty() : query();
        Optional<LocalDate> from = single("dateFrom").flatMap(v -> date("dateFrom", v, false));
        Optional<LocalDate> to = single("dateTo").flatMap(v -> date("dateTo", v, true));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            error("dateTo", "must not be before dateFrom");
        }
        DateMatch dateMatch = choice("dateMatch", DateMatch.values(), d -> d.name).orElse(DateMatch.OVERLAPS);
        boolean dateFiltered = from.isPresent() || to.isPresent();
        Undated undated = choice("undated", Undated.values(), u -> u.name)
                .orElse(dateFiltered ? Undated.EXCLUDE : Undated.INCLUDE);
        if (undated == Undated.ONLY && dateFiltered) {
            error("undated", "'only' cannot be combined with dateFrom or dateTo");
        }
        List<String> languages = values("language");
        languages.stream().filter(l -> !LANGUAGE.matcher(l).matches()).findFirst()
                .ifPresent(l -> error("language", "'" + l + "' is not an ISO 639 code (2 or 3 lower-case letters)"));
        Optional<Boolean> hasTranslation = single("hasTranslation").flatMap(v -> bool("hasTranslation", v));
        boolean explain = single("explain").flatMap(v -> bool("explain", v)).orElse(false);

        Sort sort = choice("sort", Sort.values(), s -> s.name).orElse(query.isPresent() ? Sort.RELEVANCE : Sort.DATE_ASC);
        if (sort == Sort.RELEVANCE && query.isEmpty()) {
            error("sort", "'relevance' needs a query (q)");
        }
        int size = integer("size", 1, MAX_SIZE).orElse(10);
        Optional<String> cursor = single("cursor");
        Optional<Integer> page = integer("page", 1, Integer.MAX_VALUE);
        if (page.isPresent() && cursor.isPresent()) {
            error("page", "give either page or cursor, not both");
        }
        if (page.isPresent() && (long) page.get() * size > maxWindow) {
            error("page", "page times size may not exceed " + maxWindow + "; follow nextCursor to go deeper");
        }
        Set<Facet> facets = facets();
        int facetSize = integer("facetSize", 1, 100).orElse(10);
        if (!errors.isEmpty()) {
            throw failure();
        }
        SearchRequest.Filters filters = new SearchRequest.Filters(from, to, dateMatch, undated, values("collection"),
                values("subject"), values("person"), values("place"), languages, values("type"), hasTranslation);
        return new SearchRequest(query, filters, sort, size, page.orElse(1), cursor, facets, facetSize, explain);
    }

    private Optional<QueryNode> query() {
        try {
            return QueryParser.parse(single("q").orElse(null));
        } catch (QuerySyntaxException e) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_QUERY, e.getMessage(),
                    List.of(new Problem.FieldError("q", e.getMessage()))));
        }
    }

    private Set<Facet> facets() {
        List<String> names = values("facets").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!parameters.containsKey("facets")) {
            return EnumSet.allOf(Facet.class);
        }
        Set<Facet> facets = EnumSet.noneOf(Facet.class);
        for (String name : names) {
            if (name.equals("none")) {
                continue;
            }
            Arrays.stream(Facet.values()).filter(f -> f.name.equals(name)).findFirst().ifPresentOrElse(facets::add,
                    () -> error("facets", "unknown facet '" + name + "'; choose from " + Arrays.stream(Facet.values()).map(f -> f.name).toList() + " or none"));
        }
        return facets;
    }

    /** A partial ISO date, widened to the start (dateFrom) or end (dateTo) of its year or month. */
    private Optional<LocalDate> date(String name, String value, boolean end) {
        var matcher = PARTIAL_DATE.matcher(value);
        if (!matcher.matches()) {
            error(name, "expected YYYY, YYYY-MM or YYYY-MM-DD");
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(2) == null) {
                return Optional.of(end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            if (matcher.group(3) == null) {
                return Optional.of(end ? month.atEndOfMonth() : month.atDay(1));
            }
            return Optional.of(month.atDay(Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            error(name, "'" + value + "' is not a calendar date");
            return Optional.empty();
        }
    }

    private Optional<Boolean> bool(String name, String value) {
        if (value.equals("true") || value.equals("false")) {
            return Optional.of(Boolean.parseBoolean(value));
        }
        error(name, "expected true or false");
        return Optional.empty();
    }

    private Optional<Integer> integer(String name, int min, int max) {
        return single(name).flatMap(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(name, max == Integer.MAX_VALUE ? "expected a whole number of at least " + min
                    : "expected a whole number from " + min + " to " + max);
            return Optional.empty();
        });
    }

    private <E> Optional<E> choice(String name, E[] options, Function<E, String> label) {
        return single(name).flatMap(value -> {
            Optional<E> match = Arrays.stream(options).filter(o -> label.apply(o).equals(value)).findFirst();
            if (match.isEmpty()) {
                error(name, "'" + value + "' is not one of " + Arrays.stream(options).map(label).toList());
            }
            return match;
        });
    }

    private Optional<String> single(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private List<String> values(String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).distinct().toList();
    }

    private void error(String parameter, String message) {
        errors.add(new Problem.FieldError(parameter, message));
    }

    private ProblemException failure() {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " parameters are invalid";
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, detail, List.copyOf(errors)));
    }

    private static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE);
    }
}
