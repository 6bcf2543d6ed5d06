package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.systemtests.hostile.HostileRequest.Header;
import net.historyarchive.systemtests.hostile.HostileRequest.Service;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every kind of bad credential on every secured operation of both services (catalog writes,
 * search-service's rebuild): expired, not yet valid, wrong issuer, unsigned, signed with another
 * key or with the public key as an HMAC secret, tampered, garbage, truncated, oversized, wrong
 * scheme: each must be a 401 problem+json, and a valid token without the role a 403; none may
 * change the catalog or start a rebuild.
 *
 * <p>No audience is configured (mp.jwt.verify.audiences is unset), so tokens are not checked for
 * one; a token with a foreign {@code aud} is therefore not among the cases.
 */
public final class TokenAbuseSuite {

    public record Result(int requests, List<String> failures) {
        public String report() {
            StringBuilder s = new StringBuilder("token abuse: " + requests + " requests, " + failures.size() + " failures\n");
            failures.stream().limit(80).forEach(f -> s.append("  ").append(f).append('\n'));
            return s.toString();
        }
    }

    /** A secured operation with a request that would succeed with the right token. */
    private record Target(Service service, String role, String method, String path, List<Header> headers, byte[] body) {
    }

    private final URI catalog;
    private final URI search;
    private final ForgedTokens forge;

    public TokenAbuseSuite(URI catalog, URI search, Path devKeys) throws IOException, GeneralSecurityException {
        this.catalog = catalog;
        this.search = search;
        this.forge = new ForgedTokens(devKeys);
    }

    public Result run() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Fixtures fixtures = new Fixtures();
        try (RawHttp catalogHttp = new RawHttp(catalog); RawHttp searchHttp = new RawHttp(search)) {
            String writer = forge.devSigned(ForgedTokens.header("RS256"), ForgedTokens.claims(List.of("archivist")));
            fixtures.createDocument(catalogHttp, writer);
            fixtures.createCollection(catalogHttp, writer);
            CatalogState before = CatalogState.read(catalog);
            String rebuildBefore = rebuildStatus(searchHttp);
            for (Target target : targets(fixtures)) {
                for (Map.Entry<String, String> abuse : abusedAuthorizations(target.role()).entrySet()) {
                    requests++;
                    check(target, abuse.getKey(), abuse.getValue(), 401, target.service() == Service.CATALOG ? catalogHttp : searchHttp, fixtures, failures);
                }
                for (Map.Entry<String, String> wrongRole : wrongRoles(target.role()).entrySet()) {
                    requests++;
                    check(target, wrongRole.getKey(), wrongRole.getValue(), 403, target.service() == Service.CATALOG ? catalogHttp : searchHttp, fixtures, failures);
                }
            }
            Set<String> changed = CatalogState.read(catalog).changedSince(before);
            if (!changed.isEmpty()) {
                failures.add("the catalog changed although every write was refused: " + changed);
            }
            String rebuildAfter = rebuildStatus(searchHttp);
            if (!rebuildAfter.equals(rebuildBefore)) {
                failures.add("a rebuild started although every request was refused: before " + rebuildBefore + ", after " + rebuildAfter);
            }
        }
        return new Result(requests, failures);
    }

    private void check(Target target, String abuse, String authorization, int expected, RawHttp http, Fixtures fixtures, List<String> failures)
            throws IOException {
        List<Header> headers = new ArrayList<>(fixtures.resolve(target.headers()));
        if (authorization != null) {
            headers.add(Header.of("Authorization", authorization));
        }
        String path = fixtures.resolve(target.path());
        HostileRequest request = new HostileRequest(abuse, target.service(), target.method(), path, headers, target.body(),
                HostileRequest.Expect.REJECT, false);
        RawHttp.Answer answer = http.exchange(request, path);
        String where = target.service() + " " + target.method() + " " + target.path() + " with " + abuse + ": ";
        if (answer.status() != expected) {
            failures.add(where + "expected " + expected + " but got " + answer.status() + " " + clip(answer.bodyText()));
            return;
        }
        if (!answer.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(where + "a " + expected + " without problem+json: " + answer.header("Content-Type").orElse("(none)"));
            return;
        }
        JsonNode problem = OpenApi.JSON.readTree(answer.body());
        String type = expected == 401 ? "urn:historyarchive:problem:unauthorized" : "urn:historyarchive:problem:forbidden";
        if (problem.path("status").asInt() != expected || !problem.path("type").asText().equals(type) || problem.path("title").asText().isBlank()) {
            failures.add(where + "problem does not match: " + clip(answer.bodyText()));
        }
    }

    private List<Target> targets(Fixtures fixtures) {
        byte[] document = bytes("{\"title\": \"Written with an abused token\"}");
        byte[] collection = bytes("{\"name\": \"Written with an abused token\"}");
        List<Header> json = List.of(Header.of("Content-Type", "application/json"), Header.of("Accept", "application/json"));
        List<Header> patch = List.of(Header.of("Content-Type", "application/merge-patch+json"), Header.of("Accept", "application/json"));
        Header documentVersion = Header.of("If-Match", "\"" + Fixtures.DOCUMENT_VERSION + "\"");
        Header collectionVersion = Header.of("If-Match", "\"" + Fixtures.COLLECTION_VERSION + "\"");
        String doc = "/api/v1/documents/" + Fixtures.DOCUMENT;
        String coll = "/api/v1/collections/" + Fixtures.COLLECTION;
        return List.of(
                new Target(Service.CATALOG, "archivist", "POST", "/api/v1/documents", json, document),
                new Target(Service.CATALOG, "archivist", "PUT", doc, plus(json, documentVersion), document),
                new Target(Service.CATALOG, "archivist", "PATCH", doc, plus(patch, documentVersion), document),
                new Target(Service.CATALOG, "archivist", "DELETE", doc, List.of(documentVersion), null),
                new Target(Service.CATALOG, "archivist", "POST", "/api/v1/documents/import?mode=PER_LINE",
                        List.of(Header.of("Content-Type", "application/x-ndjson")), bytes("{\"title\": \"Imported with an abused token\"}\n")),
                new Target(Service.CATALOG, "archivist", "POST", "/api/v1/collections", json, collection),
                new Target(Service.CATALOG, "archivist", "PUT", coll, plus(json, collectionVersion), collection),
                new Target(Service.CATALOG, "archivist", "PATCH", coll, plus(patch, collectionVersion), collection),
                new Target(Service.CATALOG, "archivist", "DELETE", coll, List.of(collectionVersion), null),
                new Target(Service.SEARCH, "archive-admin", "GET", "/api/v1/admin/rebuild", List.of(Header.of("Accept", "application/json")), null),
                new Target(Service.SEARCH, "archive-admin", "POST", "/api/v1/admin/rebuild", List.of(Header.of("Accept", "application/json")), null));
    }

    /** Authorization values that must all be refused with 401 (null: no header at all). */
    private Map<String, String> abusedAuthorizations(String role) {
        long now = Instant.now().getEpochSecond();
        List<String> groups = List.of(role);
        Map<String, String> abuse = new LinkedHashMap<>();
        String valid = forge.devSigned(ForgedTokens.header("RS256"), ForgedTokens.claims(groups));
        abuse.put("no Authorization header", null);
        abuse.put("expired 10 minutes ago", bearer(signed(groups, c -> {
            c.put("iat", now - 7200);
            c.put("exp", now - 600);
        })));
        abuse.put("not valid before an hour from now (nbf)", bearer(signed(groups, c -> c.put("nbf", now + 3600))));
        abuse.put("issued an hour from now (iat)", bearer(signed(groups, c -> {
            c.put("iat", now + 3600);
            c.put("exp", now + 7200);
        })));
        abuse.put("without exp", bearer(signed(groups, c -> c.remove("exp"))));
        abuse.put("wrong issuer", bearer(signed(groups, c -> c.put("iss", "https://evil.example"))));
        abuse.put("without issuer", bearer(signed(groups, c -> c.remove("iss"))));
        abuse.put("issuer differing in case", bearer(signed(groups, c -> c.put("iss", "ARCHIVE-DEV"))));
        abuse.put("alg none", bearer(ForgedTokens.unsigned("none", ForgedTokens.claims(groups))));
        abuse.put("alg None", bearer(ForgedTokens.unsigned("None", ForgedTokens.claims(groups))));
        abuse.put("alg NONE with the valid signature kept", bearer(ForgedTokens.unsigned("NONE", ForgedTokens.claims(groups))
                + valid.substring(valid.lastIndexOf('.') + 1)));
        abuse.put("signed with another RSA key", bearer(forge.otherKeySigned(ForgedTokens.claims(groups))));
        abuse.put("HS256 keyed with the public key's PEM", bearer(forge.publicKeyAsHmacSecret(ForgedTokens.claims(groups))));
        abuse.put("RS512 header on an RS256 signature", bearer(withHeader(valid, ForgedTokens.header("RS512"))));
        abuse.put("payload swapped after signing (role added)", bearer(swappedPayload(
                forge.devSigned(ForgedTokens.header("RS256"), ForgedTokens.claims(List.of("reader"))), ForgedTokens.claims(groups))));
        abuse.put("signature removed", bearer(valid.substring(0, valid.lastIndexOf('.') + 1)));
        abuse.put("signature and its dot removed", bearer(valid.substring(0, valid.lastIndexOf('.'))));
        abuse.put("signature cut in half", bearer(valid.substring(0, valid.length() - (valid.length() - valid.lastIndexOf('.')) / 2)));
        abuse.put("last character dropped", bearer(valid.substring(0, valid.length() - 1)));
        // Not the last character: its low bits are base64 padding, so some changes there decode to the same signature.
        int middle = valid.lastIndexOf('.') + (valid.length() - valid.lastIndexOf('.')) / 2;
        abuse.put("a signature character changed", bearer(valid.substring(0, middle) + (valid.charAt(middle) == 'A' ? 'B' : 'A')
                + valid.substring(middle + 1)));
        abuse.put("first half only", bearer(valid.substring(0, valid.length() / 2)));
        abuse.put("garbage", bearer("garbage"));
        abuse.put("three empty parts", bearer(".."));
        abuse.put("a.b.c", bearer("a.b.c"));
        abuse.put("JSON instead of base64", bearer("{\"alg\":\"none\"}.{\"groups\":[\"" + role + "\"]}."));
        abuse.put("five parts (JWE shape) of junk", bearer("eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aaaa.bbbb.cccc"));
        abuse.put("non-ASCII token", bearer("\u00e9\uD83D\uDE00.\u00e9.\u00e9"));
        abuse.put("16 KB of junk", bearer("A".repeat(16_000)));
        abuse.put("valid token with 12 KB of junk appended", bearer(valid + "A".repeat(12_000)));
        String otherKey = forge.otherKeySigned(ForgedTokens.claims(groups));
        abuse.put("an 8 KB kid, signed with another key", bearer(withHeader(otherKey, header("kid", "x".repeat(8_000)))));
        abuse.put("kid naming a file, signed with another key", bearer(withHeader(otherKey, header("kid", "../../../../etc/passwd"))));
        abuse.put("jku naming another key set, signed with another key", bearer(withHeader(otherKey, header("jku", "https://evil.example/jwks.json"))));
        abuse.put("embedded jwk, signed with another key", bearer(withHeader(otherKey, header("jwk", Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB")))));
        abuse.put("scheme Basic", "Basic " + valid);
        abuse.put("scheme Token", "Token " + valid);
        abuse.put("no scheme", valid);
        abuse.put("scheme only", "Bearer");
        abuse.put("scheme and a space", "Bearer ");
        abuse.put("two tokens", "Bearer garbage, Bearer " + valid.substring(0, 20));
        return abuse;
    }

    /** Valid tokens (correctly signed, current, right issuer) without the operation's role: 403. */
    private Map<String, String> wrongRoles(String role) {
        Map<String, String> wrong = new LinkedHashMap<>();
        String other = role.equals("archivist") ? "archive-admin" : "archivist";
        wrong.put("valid token with the role " + other, bearer(forge.devSigned(ForgedTokens.header("RS256"), ForgedTokens.claims(List.of(other)))));
        wrong.put("valid token without groups", bearer(signed(List.of(), c -> c.remove("groups"))));
        wrong.put("valid token with empty groups", bearer(signed(List.of(), c -> { })));
        wrong.put("valid token with the role in another case", bearer(signed(List.of(role.toUpperCase()), c -> { })));
        wrong.put("valid token with the role in scope, not groups", bearer(signed(List.of(), c -> {
            c.remove("groups");
            c.put("scope", role);
        })));
        return wrong;
    }

    private String signed(List<String> groups, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = ForgedTokens.claims(groups);
        change.accept(claims);
        return forge.devSigned(ForgedTokens.header("RS256"), claims);
    }

    private static Map<String, Object> header(String name, Object value) {
        Map<String, Object> header = ForgedTokens.header("RS256");
        header.put(name, value);
        return header;
    }

    /** The token with another header: its signature no longer covers what it is sent with. */
    private static String withHeader(String token, Map<String, Object> header) {
        return ForgedTokens.base64(ForgedTokens.json(header)) + token.substring(token.indexOf('.'));
    }

    private static String swappedPayload(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + ForgedTokens.base64(ForgedTokens.json(claims)) + "." + parts[2];
    }

    /** search-service's rebuild status as an admin sees it: a refused POST must leave it as it was. */
    private String rebuildStatus(RawHttp http) throws IOException {
        String admin = forge.devSigned(ForgedTokens.header("RS256"), ForgedTokens.claims(List.of("archive-admin")));
        String path = "/api/v1/admin/rebuild";
        RawHttp.Answer answer = http.exchange(new HostileRequest("rebuild status", Service.SEARCH, "GET", path,
                List.of(Header.of("Authorization", "Bearer " + admin), Header.of("Accept", "application/json")), null,
                HostileRequest.Expect.ANY, false), path);
        return answer.status() + " " + answer.bodyText();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static List<Header> plus(List<Header> headers, Header extra) {
        List<Header> out = new ArrayList<>(headers);
        out.add(extra);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
