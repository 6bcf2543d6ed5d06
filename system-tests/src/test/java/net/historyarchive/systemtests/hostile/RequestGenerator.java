package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.systemtests.hostile.HostileRequest.Expect;
import net.historyarchive.systemtests.hostile.HostileRequest.Header;
import net.historyarchive.systemtests.hostile.OpenApi.Operation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates hostile requests for every operation of the OpenAPI documents: junk in every query and
 * path parameter, every place of every JSON body mutated (wrong types, missing and extra
 * properties, odd and invalid text, too long and too many, deep nesting), malformed JSON and
 * NDJSON, lying and hostile headers, wrong methods and broken HTTP framing; then random
 * combinations of those until the target count is reached. The same seed gives the same requests.
 */
final class RequestGenerator {

    private final Random random;
    private final List<Operation> operations;
    private final Map<HostileRequest.Service, String> tokens;
    private final List<HostileRequest> out = new ArrayList<>();
    private final Map<String, JsonBodies> bodies = new LinkedHashMap<>();

    /**
     * @param operations  both services' operations
     * @param writerToken a valid token with the role that catalog writes need
     * @param adminToken  a valid token with search-service's admin role
     */
    RequestGenerator(long seed, List<Operation> operations, OpenApi catalogApi, String writerToken, String adminToken) {
        this.random = new Random(seed);
        this.operations = operations;
        this.tokens = Map.of(HostileRequest.Service.CATALOG, writerToken, HostileRequest.Service.SEARCH, adminToken);
        for (Operation op : operations) {
            // JSON bodies only: the NDJSON import has cases of its own, since its lines are stored untracked.
            if (op.body() != null && (op.body().mediaType().equals("application/json") || op.body().mediaType().endsWith("+json"))) {
                JsonNode schema = op.body().schema();
                if (op.method().equals("PATCH")) {
                    // A merge patch's schema is just "object": borrow the properties of the same resource's PUT.
                    schema = operations.stream().filter(o -> o.method().equals("PUT") && o.path().equals(op.path()) && o.body() != null)
                            .map(o -> o.body().schema()).findFirst().orElse(schema);
                }
                bodies.put(op.id(), new JsonBodies(catalogApi, op.body().example(), schema));
            }
        }
    }

    List<HostileRequest> generate(int atLeast) {
        for (Operation op : operations) {
            queryParameters(op);
            pathParameters(op);
            if (bodies.containsKey(op.id())) {
                jsonBodies(op, bodies.get(op.id()));
            } else if (op.body() != null && op.body().mediaType().contains("ndjson")) {
                ndjson(op);
            }
            headers(op);
        }
        wrongMethods();
        brokenFraming();
        int systematic = out.size();
        while (out.size() < atLeast) {
            combination(out.get(random.nextInt(systematic)));
        }
        return out;
    }

    // ---- the request an operation expects, and what to change in it ---------------------------

    private String path(Operation op) {
        if (!op.path().contains("{id}")) {
            return op.path();
        }
        String id = op.path().startsWith("/api/v1/collections") ? Fixtures.COLLECTION : Fixtures.DOCUMENT;
        return op.path().replace("{id}", id);
    }

    private String ifMatch(Operation op) {
        return "\"" + (op.path().startsWith("/api/v1/collections") ? Fixtures.COLLECTION_VERSION : Fixtures.DOCUMENT_VERSION) + "\"";
    }

    /**
     * Accept, the token a secured operation needs (search's admin writes get a token without the
     * admin role), If-Match, Content-Type.
     */
    private List<Header> headersOf(Operation op) {
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("Accept", "application/json"));
        if (op.secured()) {
            boolean adminWrite = op.service() == HostileRequest.Service.SEARCH && !op.method().equals("GET");
            // A rebuild replays the whole topic, a repair rewrites the view, a name-variant list rewrites the
            // documents it renames: the suite checks their refusals, not thousands of them (their own tests
            // check their input validation).
            String token = adminWrite ? tokens.get(HostileRequest.Service.CATALOG) : tokens.get(op.service());
            headers.add(Header.of("Authorization", "Bearer " + token));
        }
        if (!op.in("header").isEmpty() && op.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            headers.add(Header.of("If-Match", ifMatch(op)));
        }
        if (op.body() != null) {
            headers.add(Header.of("Content-Type", op.body().mediaType()));
        }
        return headers;
    }

    private byte[] validBody(Operation op) {
        if (op.body() == null) {
            return null;
        }
        if (bodies.containsKey(op.id())) {
            return bodies.get(op.id()).example();
        }
        return Junk.concat(JsonBodies.bytes(op.body().example()), "\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A body nothing can be stored from (for operations whose other parts are being attacked). */
    private byte[] unstorableBody(Operation op) {
        if (op.body() == null) {
            return null;
        }
        return op.body().mediaType().contains("ndjson") ? bytes("{\"title\": 123}\n{\"title\": \"\"}\n") : bytes("{\"title\": 123}");
    }

    private boolean isWrite(Operation op) {
        return !op.method().equals("GET");
    }

    private void add(Operation op, String label, String target, List<Header> headers, byte[] body, Expect expect) {
        out.add(new HostileRequest(op.id() + ": " + label, op.service(), op.method(), target, headers, body, expect, false));
    }

    /**
     * A request with broken percent-encoding: Quarkus' HTTP layer refuses it with an empty 400 before
     * any resource or filter sees it, so it is judged like broken framing (see {@link Verdicts}).
     */
    private void httpLayer(Operation op, String label, String target, List<Header> headers, byte[] body) {
        out.add(new HostileRequest(op.id() + ": " + label, op.service(), op.method(), target, headers, body, Expect.ANY, true));
    }

    // ---- parameters ------------------------------------------------------------------------------

    private void queryParameters(Operation op) {
        // A write with junk parameters carries a body nothing can be stored from: whatever the parameter does, nothing changes.
        byte[] body = isWrite(op) ? unstorableBody(op) : null;
        String base = path(op);
        List<OpenApi.Parameter> query = op.in("query");
        for (OpenApi.Parameter p : query) {
            for (Junk.Text text : Junk.allText()) {
                add(op, "query " + p.name() + " = " + text.name(), base + "?" + p.name() + "=" + text.queryValue(), headersOf(op), body, Expect.ANY);
            }
            for (String scalar : Junk.SCALARS) {
                add(op, "query " + p.name() + " = " + scalar, base + "?" + p.name() + "=" + Junk.percentEncode(scalar), headersOf(op), body, Expect.ANY);
            }
            add(op, "query " + p.name() + " twice", base + "?" + p.name() + "=1&" + p.name() + "=2", headersOf(op), body, Expect.ANY);
            add(op, "query " + p.name() + " empty", base + "?" + p.name() + "=", headersOf(op), body, Expect.ANY);
            add(op, "query " + p.name() + " without =", base + "?" + p.name(), headersOf(op), body, Expect.ANY);
            add(op, "query " + p.name() + " 3,000 characters", base + "?" + p.name() + "=" + "a".repeat(3000), headersOf(op), body, Expect.ANY);
            add(op, "query " + p.name() + " 3,000 encoded bytes", base + "?" + p.name() + "=" + "%C3%A9".repeat(500), headersOf(op), body, Expect.ANY);
            add(op, "query " + p.name() + " 200 times", base + "?" + (p.name() + "=x&").repeat(200), headersOf(op), body, Expect.ANY);
            httpLayer(op, "query " + p.name() + " bad percent-encoding", base + "?" + p.name() + "=%zz%2", headersOf(op), body);
        }
        add(op, "unknown query parameter", base + "?unexpectedParameter=1", headersOf(op), body,
                op.service() == HostileRequest.Service.SEARCH && op.path().equals("/api/v1/search") ? Expect.REJECT : Expect.ANY);
        add(op, "query parameter named by junk", base + "?" + Junk.percentEncode("\u0000\uD83D\uDE00'\"<>") + "=1", headersOf(op), body, Expect.ANY);
        add(op, "query of 1,000 parameters", base + "?" + "a=1&".repeat(1000), headersOf(op), body, Expect.ANY);
        add(op, "query of separators only", base + "?&&&===&", headersOf(op), body, Expect.ANY);
        if (op.path().equals("/api/v1/search") || op.path().equals("/api/v1/suggestions")) {
            searchQueries(op, base);
        }
    }

    /** The query language's own hostile inputs: deep nesting, dangling operators, stars, quotes. */
    private void searchQueries(Operation op, String base) {
        List<String> queries = List.of("(".repeat(1500) + "a" + ")".repeat(1500), "(".repeat(2900), ")".repeat(2900),
                "\"".repeat(2001), "-".repeat(2900), "*".repeat(2900), "OR ".repeat(900), "a OR ".repeat(550) + "b",
                "-a -b -c", "\"unclosed phrase", "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p*", "a*", "**",
                "(a OR (b AND -(c \"d e\")))", "- -", "\"\"", "()", "NOT", "AND OR", "Pyongyang OR", "\u0000",
                "\uD83D\uDE00*", "\u202Eabc*", "x".repeat(2900), "a ".repeat(1400), "\\\\\\", "'&|!:<->", "%_%");
        for (String q : queries) {
            String shown = q.length() > 40 ? q.substring(0, 40) + "...(" + q.length() + ")" : q;
            add(op, "query language: " + shown, base + "?q=" + Junk.percentEncode(q), headersOf(op), null, Expect.ANY);
        }
    }

    private void pathParameters(Operation op) {
        if (!op.path().contains("{id}")) {
            return;
        }
        byte[] body = isWrite(op) ? validBody(op) : null;
        Expect expect = isWrite(op) ? Expect.REJECT : Expect.ANY;
        List<String> ids = new ArrayList<>();
        for (Junk.Text text : Junk.allText()) {
            if (text.decoded().length > 0 && text.decoded().length < 2000) {
                ids.add(text.queryValue());
            }
        }
        for (String scalar : Junk.SCALARS) {
            ids.add(Junk.percentEncode(scalar));
        }
        ids.addAll(List.of(new UUID(random.nextLong(), random.nextLong()).toString(), "%2F", "..", "%2e%2e", "%2e%2e%2f%2e%2e",
                "x;matrix=1", "%00", "a".repeat(3000), "%7Bid%7D"));
        String marker = op.path().startsWith("/api/v1/collections") ? Fixtures.COLLECTION : Fixtures.DOCUMENT;
        for (String id : ids) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "...(" + id.length() + ")" : id;
            add(op, "path id = " + shown, op.path().replace("{id}", id), headersOf(op), body, expect);
        }
        httpLayer(op, "path id = % (broken percent-encoding)", op.path().replace("{id}", "%"), headersOf(op), body);
        add(op, "path id with a trailing segment", op.path().replace("{id}", marker + "/extra"), headersOf(op), body, expect);
        add(op, "path id with a trailing slash", op.path().replace("{id}", marker + "/"), headersOf(op), body, Expect.ANY);
        add(op, "path id with an encoded slash", op.path().replace("{id}", marker + "%2Fx"), headersOf(op), body, expect);
    }

    // ---- JSON bodies -----------------------------------------------------------------------------

    private static final List<byte[]> WRONG_TYPES = List.of(bytes("123"), bytes("-1.5e300"), bytes("true"), bytes("\"text\""),
            bytes("[\"a\", 1]"), bytes("[]"), bytes("{}"), bytes("{\"a\": 1}"));
    private static final List<String> EXTRA_KEYS = List.of("unexpected", "Title", "title ", "__proto__", "constructor", "$ref", "",
            "\\u0000", "id", "version", "createdAt");

    private void jsonBodies(Operation op, JsonBodies json) {
        boolean patch = op.method().equals("PATCH");
        for (JsonBodies.Slot slot : json.slots()) {
            String at = slot.pointer();
            String type = slot.type();
            if (type != null) {
                for (byte[] literal : WRONG_TYPES) {
                    if (!kindMatches(type, literal)) {
                        body(op, at + " = " + new String(literal, StandardCharsets.UTF_8), json.replaced(slot, literal), Expect.REJECT);
                    }
                }
            }
            body(op, at + " = null", json.replaced(slot, bytes("null")), slot.required() && !slot.nullable() ? Expect.REJECT : Expect.ANY);
            if (slot.present()) {
                // A merge patch without a top-level property leaves it alone; deeper down it replaces the whole object.
                boolean stillRequired = slot.required() && (!patch || slot.path().size() > 1);
                body(op, "without " + at, json.removed(slot), stillRequired ? Expect.REJECT : Expect.ANY);
                if (slot.path().get(slot.path().size() - 1) instanceof String && !"integer".equals(type) && !"number".equals(type)) {
                    body(op, at + " written twice, the second time as a number", json.withDuplicateProperty(slot, bytes("123")), Expect.REJECT);
                }
            }
            if ("string".equals(type)) {
                for (Junk.Text text : Junk.allText()) {
                    boolean refused = text.invalid() || JsonBodies.breaksStringSchema(slot.schema(), text);
                    body(op, at + " = " + text.name(), json.replaced(slot, JsonBodies.quote(text.jsonInside())), refused ? Expect.REJECT : Expect.ANY);
                }
                int max = slot.schema().path("maxLength").asInt(0);
                if (max > 0 && max <= 1_000_000) {
                    body(op, at + " one character over maxLength " + max, json.replaced(slot, JsonBodies.quote(bytes("\u00e9".repeat(max + 1)))), Expect.REJECT);
                }
            }
            if ("array".equals(type)) {
                int maxItems = slot.schema().path("maxItems").asInt(0);
                if (maxItems > 0) {
                    String item = slot.present() && !json.at(slot.path()).isEmpty() ? json.at(slot.path()).get(0).toString() : "\"x\"";
                    body(op, at + " with maxItems + 1 = " + (maxItems + 1) + " items",
                            json.replaced(slot, bytes("[" + String.join(",", java.util.Collections.nCopies(maxItems + 1, item)) + "]")), Expect.REJECT);
                }
                body(op, at + " with 100,000 items", json.replaced(slot, bytes("[" + "\"x\",".repeat(99_999) + "\"x\"]")), Expect.REJECT);
            }
            body(op, at + " nested 5,000 arrays deep", json.replaced(slot, JsonBodies.deepArray(5_000)), Expect.REJECT);
            body(op, at + " nested 2,000 objects deep", json.replaced(slot, JsonBodies.deepObject(2_000)), Expect.REJECT);
            body(op, at + " = a number of 5,000 digits", json.replaced(slot, bytes("1".repeat(5_000))), Expect.REJECT);
        }
        for (JsonBodies.Slot object : json.objects()) {
            for (String key : EXTRA_KEYS) {
                body(op, "extra property '" + key + "' in " + object.pointer(),
                        json.withExtraProperty(object, key.getBytes(StandardCharsets.UTF_8), bytes("1")), Expect.REJECT);
            }
        }
        malformedJson(op, json.example());
    }

    private void body(Operation op, String label, byte[] body, Expect expect) {
        add(op, "body " + label, path(op), headersOf(op), body, expect);
    }

    private static boolean kindMatches(String type, byte[] literal) {
        char first = (char) literal[0];
        return switch (type) {
            case "string" -> first == '"';
            case "integer" -> Character.isDigit(first) || first == '-' && !new String(literal, StandardCharsets.US_ASCII).contains(".");
            case "number" -> Character.isDigit(first) || first == '-';
            case "boolean" -> first == 't' || first == 'f';
            case "array" -> first == '[';
            case "object" -> first == '{';
            default -> true;
        };
    }

    private void malformedJson(Operation op, byte[] valid) {
        String v = new String(valid, StandardCharsets.UTF_8);
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("empty body", new byte[0]);
        malformed.put("whitespace only", bytes(" \n\t "));
        malformed.put("only '{'", bytes("{"));
        malformed.put("only '}'", bytes("}"));
        malformed.put("truncated", bytes(v.substring(0, v.length() / 2)));
        malformed.put("missing value", bytes("{\"title\":}"));
        malformed.put("unquoted key", bytes("{title: \"a\"}"));
        malformed.put("single quotes", bytes("{'title': 'a'}"));
        malformed.put("trailing comma", bytes(v.substring(0, v.length() - 1) + ",}"));
        malformed.put("comment", bytes("/* c */" + v));
        malformed.put("two documents", bytes(v + v));
        malformed.put("trailing garbage", bytes(v + "garbage"));
        malformed.put("trailing NUL bytes", Junk.concat(valid, Junk.bytes(0, 0, 0)));
        malformed.put("NaN value", bytes("{\"title\": NaN}"));
        malformed.put("array instead of object", bytes("[" + v + "]"));
        malformed.put("null", bytes("null"));
        malformed.put("a string", bytes("\"title\""));
        malformed.put("a number", bytes("42"));
        malformed.put("true", bytes("true"));
        malformed.put("5,000 arrays deep", JsonBodies.deepArray(5_000));
        malformed.put("50,000 '[' unclosed", bytes("[".repeat(50_000)));
        malformed.put("2,000 objects deep", JsonBodies.deepObject(2_000));
        malformed.put("unterminated string", bytes("{\"title\": \"abc"));
        malformed.put("invalid escape", bytes("{\"title\": \"\\x41\"}"));
        malformed.put("truncated unicode escape", bytes("{\"title\": \"\\u00\"}"));
        malformed.put("overlong UTF-8 quote", Junk.concat(bytes("{\"title\": \"a"), Junk.bytes(0xC0, 0xA2), bytes("}")));
        malformed.put("UTF-16 encoded", v.getBytes(StandardCharsets.UTF_16BE));
        malformed.put("UTF-32 junk", Junk.bytes(0, 0, 0, '{', 0, 0, 0, '}'));
        malformed.put("binary", randomBytes(512));
        malformed.put("NDJSON of two lines", bytes(v + "\n" + v + "\n"));
        for (Map.Entry<String, byte[]> m : malformed.entrySet()) {
            body(op, "malformed: " + m.getKey(), m.getValue(), Expect.REJECT);
        }
        body(op, "byte order mark before valid JSON", Junk.concat(Junk.bytes(0xEF, 0xBB, 0xBF), valid), Expect.ANY);
        body(op, "5 MiB of spaces before valid JSON", Junk.concat(bytes(" ".repeat(5 * 1024 * 1024)), valid), Expect.REJECT);
        body(op, "6 MiB string", bytes("{\"title\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}"), Expect.REJECT);
    }

    // ---- NDJSON ----------------------------------------------------------------------------------

    private void ndjson(Operation op) {
        String valid = new String(JsonBodies.bytes(op.body().example()), StandardCharsets.UTF_8);
        Map<String, byte[]> lines = new LinkedHashMap<>();
        lines.put("title of wrong type", bytes("{\"title\": 123}"));
        lines.put("blank title", bytes("{\"title\": \"  \"}"));
        lines.put("unknown property", bytes("{\"title\": \"a\", \"unexpected\": 1}"));
        lines.put("not JSON", bytes("this is not json"));
        lines.put("array", bytes("[" + valid + "]"));
        lines.put("truncated object", bytes(valid.substring(0, valid.length() / 2)));
        lines.put("two objects on a line", bytes(valid + "{\"title\": 5}"));
        lines.put("lone surrogate", bytes("{\"title\": \"\\uD800\"}"));
        lines.put("NUL", bytes("{\"title\": \"a\\u0000\"}"));
        lines.put("overlong UTF-8", Junk.concat(bytes("{\"title\": \"a"), Junk.bytes(0xC0, 0xAF), bytes("\"}")));
        lines.put("UTF-8-encoded surrogate", Junk.concat(bytes("{\"title\": \"a"), Junk.bytes(0xED, 0xA0, 0x80), bytes("\"}")));
        lines.put("invalid byte", Junk.concat(bytes("{\"title\": \"a"), Junk.bytes(0xFF), bytes("\"}")));
        lines.put("raw NUL byte between objects", Junk.bytes(0));
        lines.put("5,000 arrays deep", JsonBodies.deepArray(5_000));
        lines.put("impossible date", bytes("{\"title\": \"a\", \"date\": {\"start\": \"1956-02-30\", \"precision\": \"DAY\"}}"));
        lines.put("start after end", bytes("{\"title\": \"a\", \"date\": {\"start\": \"1957-01-01\", \"end\": \"1956-01-01\", \"precision\": \"RANGE\"}}"));
        lines.put("unknown enum", bytes("{\"title\": \"a\", \"documentType\": \"SCROLL\"}"));
        lines.put("title over 1,000 characters", bytes("{\"title\": \"" + "a".repeat(1001) + "\"}"));
        lines.put("3 MiB line", bytes("{\"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        List<String> modes = List.of("", "?mode=ATOMIC", "?mode=PER_LINE");
        for (String mode : modes) {
            for (Map.Entry<String, byte[]> line : lines.entrySet()) {
                ndjsonCase(op, mode, "line " + line.getKey(), Junk.concat(line.getValue(), bytes("\n")));
                // The same bad line after a good one: an atomic import must store neither.
                if (!mode.contains("PER_LINE")) {
                    ndjsonCase(op, mode, "a valid line, then " + line.getKey(), Junk.concat(bytes(valid + "\n"), line.getValue(), bytes("\n")));
                }
            }
            ndjsonCase(op, mode, "empty body", new byte[0]);
            add(op, "NDJSON" + mode + ": blank lines only", path(op) + mode, headersOf(op), bytes("\n\n \r\n\t\n"), Expect.ANY);
            ndjsonCase(op, mode, "CRLF line ends, all lines bad", bytes("{\"title\": 1}\r\n{\"title\": 2}\r\n"));
            ndjsonCase(op, mode, "byte order mark, then a bad line", Junk.concat(Junk.bytes(0xEF, 0xBB, 0xBF), bytes("{\"title\": 1}\n")));
            ndjsonCase(op, mode, "10,000 bad lines", bytes("{\"title\": 1}\n".repeat(10_000)));
            ndjsonCase(op, mode, "binary", randomBytes(4096));
        }
    }

    private void ndjsonCase(Operation op, String mode, String label, byte[] body) {
        // Every case holds a bad line and no storable line, except "a valid line, then ...", which runs only in
        // atomic mode: all or nothing, so nothing. PER_LINE answers 200 listing the bad lines.
        add(op, "NDJSON" + mode + ": " + label, path(op) + mode, headersOf(op), body,
                body.length == 0 || !mode.contains("PER_LINE") ? Expect.REJECT : Expect.ANY);
    }

    // ---- headers ---------------------------------------------------------------------------------

    private static final List<String> ACCEPT_JUNK = List.of("text/html", "application/xml", "image/png", "garbage", "*/*;q=x",
            "application/json;q=0", "", "application/problem+json", "*/*", "application/*, text/*;q=0.5", "text/event-stream",
            "application/json; charset=ebcdic", ";;;,,,", "a/b/c", "x".repeat(4000));
    private static final List<String> CONTENT_TYPE_JUNK = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/x-ndjson", "application/json", "application/merge-patch+json", "",
            "garbage", ";;;", "application/json; charset=\"", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
            "application/json; charset=nonsense", "*/*", "application/*", "APPLICATION/JSON", "text/json", "application/json, text/plain",
            "application/octet-stream", "image/png");
    private static final List<String> IF_MATCH_JUNK = List.of("\"999999\"", "W/\"1\"", "\"1\", \"2\"", "\"abc\"", "\"-1\"",
            "\"99999999999999999999999\"", "\"\"", "\" \"", "\"", "**", "\"1", "1\"", "\"" + "9".repeat(3000) + "\"", "\"0\"",
            "\"\u0661\"", "\"1.0\"", "\"+1\"");

    private void headers(Operation op) {
        String target = path(op);
        // An import stores whatever it accepts without saying so in a way the suite can track (its ids are
        // new), so header cases send it lines that must all be refused; every other write gets its example.
        byte[] body = op.body() != null && op.body().mediaType().contains("ndjson") ? unstorableBody(op) : validBody(op);
        boolean write = isWrite(op);
        for (String accept : ACCEPT_JUNK) {
            header(op, "Accept: " + clip(accept), target, replace(headersOf(op), "Accept", accept), body, Expect.ANY);
        }
        if (op.body() != null) {
            for (String type : CONTENT_TYPE_JUNK) {
                boolean same = type.equalsIgnoreCase(op.body().mediaType()) || type.toLowerCase().startsWith(op.body().mediaType() + ";");
                boolean lenient = type.startsWith("*/*") || type.equals("application/*") || type.contains("charset") || type.equals("APPLICATION/JSON")
                        || op.method().equals("PATCH") && type.equals("application/json");
                Expect expect = same || lenient ? Expect.ANY : Expect.REJECT;
                header(op, "Content-Type: " + type, target, replace(headersOf(op), "Content-Type", type), body, expect);
            }
            header(op, "no Content-Type", target, remove(headersOf(op), "Content-Type"), body, Expect.ANY);
            header(op, "two different Content-Types", target, plus(headersOf(op), Header.of("Content-Type", "text/plain")), body, Expect.ANY);
            header(op, "Content-Type with a UTF-8 parameter value", target,
                    replace(headersOf(op), "Content-Type", op.body().mediaType() + "; x=\"\u00e9\uD83D\uDE00\""), body, Expect.ANY);
            header(op, "a valid body without a token", target, remove(headersOf(op), "Authorization"), body,
                    op.secured() ? Expect.REJECT : Expect.ANY);
        }
        if (headersOf(op).stream().anyMatch(h -> h.name().equals("If-Match"))) {
            for (String ifMatch : IF_MATCH_JUNK) {
                header(op, "If-Match: " + clip(ifMatch), target, replace(headersOf(op), "If-Match", ifMatch), body, Expect.REJECT);
            }
            header(op, "If-Match: *", target, replace(headersOf(op), "If-Match", "*"), body, Expect.ANY);
            // The catalog takes a bare version as well as the quoted ETag (PreconditionsTest).
            header(op, "If-Match without quotes", target, replace(headersOf(op), "If-Match", ifMatch(op).replace("\"", "")), body, Expect.ANY);
            header(op, "no If-Match", target, remove(headersOf(op), "If-Match"), body, Expect.REJECT);
            header(op, "a stale and the current If-Match", target, plus(replace(headersOf(op), "If-Match", "\"999999\""),
                    Header.of("If-Match", ifMatch(op))), body, Expect.ANY);
            header(op, "the current and a stale If-Match", target, plus(headersOf(op), Header.of("If-Match", "\"999999\"")), body, Expect.ANY);
        }
        if (!write) {
            for (String etag : List.of("*", "\"1\"", "W/\"1\"", "garbage", "\"" + "1".repeat(3000) + "\"", "\"1\", \"2\", *")) {
                header(op, "If-None-Match: " + clip(etag), target, plus(headersOf(op), Header.of("If-None-Match", etag)), body, Expect.ANY);
            }
            for (String since : List.of("Thu, 01 Jan 1970 00:00:00 GMT", "garbage", "Sat, 31 Dec 9999 23:59:59 GMT")) {
                header(op, "If-Modified-Since: " + since, target, plus(headersOf(op), Header.of("If-Modified-Since", since)), body, Expect.ANY);
            }
        }
        for (String auth : List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c", "bearer " + tokens.get(op.service()),
                "Bearer " + tokens.get(op.service()) + " extra", "Negotiate xyz", "\u00e9\uD83D\uDE00")) {
            List<Header> headers = op.secured() ? replace(headersOf(op), "Authorization", auth) : plus(headersOf(op), Header.of("Authorization", auth));
            boolean mayPass = auth.toLowerCase().startsWith("bearer ey") && !auth.endsWith("extra");
            header(op, "Authorization: " + clip(auth), target, headers, write && op.secured() ? unstorableBody(op) : body,
                    op.secured() && !mayPass ? Expect.REJECT : Expect.ANY);
        }
        if (op.secured()) {
            header(op, "a valid and a junk Authorization", target, plus(headersOf(op), Header.of("Authorization", "Bearer junk")),
                    write ? unstorableBody(op) : body, write ? Expect.REJECT : Expect.ANY);
        }
        header(op, "a 15 KB header", target, plus(headersOf(op), Header.of("X-Junk", "x".repeat(15_000))), body, Expect.ANY);
        header(op, "300 headers", target, plusMany(headersOf(op), 300), body, Expect.ANY);
        header(op, "UTF-8 in a header value", target, plus(headersOf(op), Header.of("X-Note", "M\u00e1o \uD83D\uDE00 \u202Eabc")), body, Expect.ANY);
        header(op, "invalid UTF-8 in a header value", target, plus(headersOf(op), new Header("X-Note", Junk.bytes(0xC0, 0xAF, 0xFF))), body, Expect.ANY);
        header(op, "Expect: garbage", target, plus(headersOf(op), Header.of("Expect", "garbage")), body, Expect.ANY);
        header(op, "X-HTTP-Method-Override: DELETE", target, plus(headersOf(op), Header.of("X-HTTP-Method-Override", "DELETE")), body, Expect.ANY);
        header(op, "X-Forwarded-* junk", target, plus(plus(headersOf(op), Header.of("X-Forwarded-Host", "evil.example\u00e9")),
                Header.of("X-Forwarded-Proto", "gopher")), body, Expect.ANY);
        header(op, "Accept-Charset and Accept-Encoding junk", target, plus(plus(headersOf(op), Header.of("Accept-Charset", "ebcdic")),
                Header.of("Accept-Encoding", "br;q=x, zstd, garbage")), body, Expect.ANY);
        header(op, "Content-Encoding: gzip on a plain body", target, plus(headersOf(op), Header.of("Content-Encoding", "gzip")), body, Expect.ANY);
        header(op, "Range: bytes=junk", target, plus(headersOf(op), Header.of("Range", "bytes=999999-1, junk")), body, Expect.ANY);
    }

    private void header(Operation op, String label, String target, List<Header> headers, byte[] body, Expect expect) {
        add(op, "header " + label, target, headers, body, expect);
    }

    // ---- methods and framing ---------------------------------------------------------------------

    private void wrongMethods() {
        Map<String, List<Operation>> byPath = new LinkedHashMap<>();
        for (Operation op : operations) {
            byPath.computeIfAbsent(op.service() + " " + op.path(), k -> new ArrayList<>()).add(op);
        }
        for (List<Operation> ops : byPath.values()) {
            Operation first = ops.get(0);
            List<String> declared = ops.stream().map(Operation::method).toList();
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "M-SEARCH")) {
                if (declared.contains(method)) {
                    continue;
                }
                boolean lenient = method.equals("OPTIONS") || method.equals("HEAD") && declared.contains("GET");
                List<Header> headers = new ArrayList<>(headersOf(first));
                if (!first.secured() && first.service() == HostileRequest.Service.CATALOG) {
                    headers.add(Header.of("Authorization", "Bearer " + tokens.get(HostileRequest.Service.CATALOG)));
                }
                out.add(new HostileRequest(first.id() + ": wrong method " + method, first.service(), method, path(first), headers,
                        method.equals("GET") || method.equals("HEAD") ? null : bytes("{\"title\": \"wrong method\"}"),
                        lenient ? Expect.ANY : Expect.REJECT, false));
            }
        }
    }

    /** Malformed HTTP: the HTTP layer may answer (400, 414, 431) or close the connection; never a 5xx, never a write. */
    private void brokenFraming() {
        for (HostileRequest.Service service : HostileRequest.Service.values()) {
            Operation write = operations.stream().filter(o -> o.service() == service && o.body() != null).findFirst().orElse(null);
            Operation read = operations.stream().filter(o -> o.service() == service && o.method().equals("GET") && !o.secured()
                    && !o.path().contains("{")).findFirst().orElseThrow();
            String readPath = read.path();
            framing(service, "space in the target", "GET", readPath + "?q=a b", List.of(), null);
            framing(service, "raw UTF-8 bytes in the target", "GET", readPath + "?q=\u00e9\uD83D\uDE00", List.of(), null);
            framing(service, "request line of 10,000 bytes", "GET", readPath + "?q=" + "a".repeat(10_000), List.of(), null);
            framing(service, "absolute-form target", "GET", "http://evil.example" + readPath, List.of(), null);
            framing(service, "asterisk target", "GET", "*", List.of(), null);
            framing(service, "dot segments", "GET", "/api/v1/../v1/./" + readPath.substring("/api/v1/".length()), List.of(), null);
            framing(service, "double slashes", "GET", "/" + readPath, List.of(), null);
            framing(service, "upper-case path", "GET", readPath.toUpperCase(), List.of(), null);
            framing(service, "fragment in the target", "GET", readPath + "#x", List.of(), null);
            framing(service, "header section of 30 KB", "GET", readPath, List.of(Header.of("X-Junk", "x".repeat(30_000))), null);
            framing(service, "space in a header name", "GET", readPath, List.of(Header.of("X Junk", "1")), null);
            framing(service, "NUL in a header value", "GET", readPath, List.of(new Header("X-Junk", Junk.bytes('a', 0, 'b'))), null);
            framing(service, "bare CR in a header value", "GET", readPath, List.of(new Header("X-Junk", Junk.bytes('a', '\r', 'b'))), null);
            framing(service, "folded header (obs-fold)", "GET", readPath, List.of(new Header("X-Junk", bytes("a\r\n b"))), null);
            framing(service, "two Host headers", "GET", readPath, List.of(Header.of("Host", "a.example"), Header.of("Host", "b.example")), null);
            framing(service, "empty Host", "GET", readPath, List.of(Header.of("Host", "")), null);
            if (write == null) {
                continue;
            }
            List<Header> writeHeaders = headersOf(write);
            String target = path(write);
            byte[] body = bytes("{\"title\": 1}");
            framing(service, "Content-Length shorter than the body", write.method(), target,
                    plus(writeHeaders, Header.of("Content-Length", "3")), body);
            framing(service, "Content-Length longer than the body", write.method(), target,
                    plus(writeHeaders, Header.of("Content-Length", "9999")), body);
            framing(service, "Content-Length not a number", write.method(), target, plus(writeHeaders, Header.of("Content-Length", "abc")), body);
            framing(service, "negative Content-Length", write.method(), target, plus(writeHeaders, Header.of("Content-Length", "-1")), body);
            framing(service, "two different Content-Lengths", write.method(), target,
                    plus(plus(writeHeaders, Header.of("Content-Length", "12")), Header.of("Content-Length", "3")), body);
            framing(service, "Content-Length and chunked", write.method(), target,
                    plus(plus(writeHeaders, Header.of("Content-Length", "12")), Header.of("Transfer-Encoding", "chunked")),
                    bytes("5\r\n{\"tit\r\n0\r\n\r\n"));
            framing(service, "bad chunk size", write.method(), target, plus(writeHeaders, Header.of("Transfer-Encoding", "chunked")),
                    bytes("zz\r\n{\"title\": 1}\r\n0\r\n\r\n"));
            framing(service, "chunk size overflow", write.method(), target, plus(writeHeaders, Header.of("Transfer-Encoding", "chunked")),
                    bytes("ffffffffffffffffff\r\nx\r\n0\r\n\r\n"));
            framing(service, "Transfer-Encoding: gzip, chunked", write.method(), target,
                    plus(writeHeaders, Header.of("Transfer-Encoding", "gzip, chunked")), bytes("c\r\n{\"title\": 1}\r\n0\r\n\r\n"));
            framing(service, "Transfer-Encoding: garbage", write.method(), target, plus(writeHeaders, Header.of("Transfer-Encoding", "garbage")), body);
            // Well-formed chunked encoding of an unstorable body: a valid way to send it, answered by the application.
            out.add(new HostileRequest(service + ": chunked body", service, write.method(), target,
                    plus(writeHeaders, Header.of("Transfer-Encoding", "chunked")), bytes("c\r\n{\"title\": 1}\r\n0\r\n\r\n"),
                    Expect.REJECT, false));
        }
    }

    private void framing(HostileRequest.Service service, String label, String method, String target, List<Header> headers, byte[] body) {
        out.add(new HostileRequest(service + ": framing: " + label, service, method, target, headers, body, Expect.ANY, true));
    }

    // ---- combinations ----------------------------------------------------------------------------

    private static final List<Header> HARMLESS_JUNK = List.of(Header.of("Accept", "text/html"), Header.of("X-Junk", "\u202E\u0301\uD83D\uDE00"),
            Header.of("Accept-Language", "zz-ZZ;q=junk"), Header.of("Cookie", "a=b; \u00e9=\u00e9"), Header.of("Origin", "null"),
            Header.of("Cache-Control", "no-cache, max-age=-1"), Header.of("Pragma", "\u00e9"), Header.of("Via", "1.1 junk"),
            Header.of("User-Agent", "x".repeat(2000)));

    /** A systematic case again with more junk on top: extra junk headers, and for reads extra junk parameters. */
    private void combination(HostileRequest base) {
        if (base.breaksFraming()) {
            return;
        }
        List<Header> headers = new ArrayList<>(base.headers());
        int extra = 1 + random.nextInt(3);
        StringBuilder label = new StringBuilder(base.label()).append(" + ");
        for (int i = 0; i < extra; i++) {
            Header h = HARMLESS_JUNK.get(random.nextInt(HARMLESS_JUNK.size()));
            headers.add(h);
            label.append(h.name()).append(' ');
        }
        String target = base.target();
        if (!base.isWrite() && random.nextBoolean()) {
            Junk.Text text = Junk.allText().get(random.nextInt(Junk.allText().size()));
            String name = List.of("q", "limit", "cursor", "size", "page", "zz").get(random.nextInt(6));
            target += (target.contains("?") ? "&" : "?") + name + "=" + text.queryValue();
            label.append("+ ").append(name).append(" = ").append(text.name());
            out.add(new HostileRequest(label.toString(), base.service(), base.method(), target, headers, base.body(), Expect.ANY, false));
            return;
        }
        out.add(new HostileRequest(label.toString(), base.service(), base.method(), target, headers, base.body(), base.expect(), false));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static List<Header> replace(List<Header> headers, String name, String value) {
        List<Header> out = remove(headers, name);
        out.add(Header.of(name, value));
        return out;
    }

    private static List<Header> remove(List<Header> headers, String name) {
        List<Header> out = new ArrayList<>();
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase(name)) {
                out.add(h);
            }
        }
        return out;
    }

    private static List<Header> plus(List<Header> headers, Header extra) {
        List<Header> out = new ArrayList<>(headers);
        out.add(extra);
        return out;
    }

    private static List<Header> plusMany(List<Header> headers, int count) {
        List<Header> out = new ArrayList<>(headers);
        for (int i = 0; i < count; i++) {
            out.add(Header.of("X-Junk-" + i, Integer.toString(i)));
        }
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }
}
