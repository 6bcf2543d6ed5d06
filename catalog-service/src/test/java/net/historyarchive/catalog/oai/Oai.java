package net.historyarchive.catalog.oai;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Raw OAI-PMH requests for the tests: every answer must be HTTP 200 text/xml and valid against the schemas. */
final class Oai {

    static final String PATH = "/oai";
    private static final Pattern ERROR = Pattern.compile("<error code=\"(\\w+)\"");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken([^>]*?)(?:/>|>([^<]*)</resumptionToken>)");
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>oai:[^:]+:([0-9a-f-]{36})</identifier>");

    private Oai() {
    }

    /** GET with the query string as given (name=value pairs joined by &amp;, already encoded). */
    static String get(String query) {
        return checked(given().urlEncodingEnabled(false).get(query.isEmpty() ? PATH : PATH + "?" + query));
    }

    /** POST of the same pairs as a form. */
    static String post(String query) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                request = request.formParam(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return checked(query.isEmpty() ? request.body("").post(PATH) : request.post(PATH));
    }

    private static String checked(Response response) {
        assertThat(response.statusCode()).as("HTTP status of an OAI-PMH answer").isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/xml");
        String xml = response.asString();
        OaiSchemas.validate(xml);
        return xml;
    }

    /** The error code of an error response, or null. */
    static String errorCode(String xml) {
        Matcher m = ERROR.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The resumptionToken's attributes and its value ("" on the last page), or null when there is none. */
    static Map<String, String> token(String xml) {
        Matcher m = TOKEN.matcher(xml);
        if (!m.find()) {
            return null;
        }
        Map<String, String> token = new LinkedHashMap<>();
        Matcher attributes = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(m.group(1));
        while (attributes.find()) {
            token.put(attributes.group(1), attributes.group(2));
        }
        token.put("value", m.group(2) == null ? "" : m.group(2));
        return token;
    }

    /** Document ids of the headers in the response, in order. */
    static List<String> ids(String xml) {
        List<String> ids = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(xml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String identifier(String documentId) {
        return "oai:historyarchive.net:" + documentId;
    }
}
