package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules every answer to a hostile request must keep, and the failures found so far.
 *
 * <ul>
 *   <li>never a 5xx, and always an answer (a request that breaks HTTP framing may instead have its
 *       connection closed);</li>
 *   <li>a request that must be refused is answered 4xx;</li>
 *   <li>every 4xx is {@code application/problem+json} whose {@code status} is the response's,
 *       with a {@code type} and a {@code title}; across the run one type has one status and one
 *       (type, status) one title. Exception: requests the HTTP codec refuses before any route sees
 *       them (request line over 16 KiB: 414, header section over 64 KiB: 431, broken framing or broken
 *       percent-encoding: 400, an asterisk target: 404, or a closed connection) are answered by
 *       Vert.x/Quarkus with an empty body, which no Quarkus hook can change (quarkusio/quarkus#55082);
 *       for those an empty 414 or 431, and for malformed requests any empty 4xx, is accepted.</li>
 * </ul>
 */
final class Verdicts {

    /** One broken rule: the request (with its index in the generated sequence), the answer, and which rule. */
    record Failure(int index, String request, String answer, String rule) {
        @Override
        public String toString() {
            return "#" + index + " " + rule + "\n    request: " + request + "\n    answer:  " + answer;
        }
    }

    private static final Set<Integer> CODEC_STATUSES = Set.of(414, 431);
    private static final String PROBLEM_PREFIX = "urn:historyarchive:problem:";

    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Set<Integer>> statusesByType = new TreeMap<>();
    private final Map<String, Set<String>> titlesByTypeAndStatus = new TreeMap<>();
    private final Map<Integer, Integer> statusCounts = new TreeMap<>();
    private int codecAnswers;
    private int closedWithoutAnswer;

    /** Checks one answer; returns true when it is a 2xx (the request was accepted). */
    boolean check(int index, HostileRequest request, String target, RawHttp.Answer answer) {
        statusCounts.merge(answer.status(), 1, Integer::sum);
        if (answer.status() < 0) {
            if (request.breaksFraming()) {
                closedWithoutAnswer++;
            } else {
                fail(index, request, target, answer, "no answer: the connection closed");
            }
            return false;
        }
        if (answer.status() >= 500) {
            fail(index, request, target, answer, "5xx");
            return false;
        }
        if (answer.status() < 400) {
            if (request.expect() == HostileRequest.Expect.REJECT) {
                fail(index, request, target, answer, "accepted (" + answer.status() + ") but must be refused");
            }
            return answer.status() < 300;
        }
        String contentType = answer.header("Content-Type").orElse("");
        if (answer.body().length == 0 && contentType.isEmpty()
                && (request.breaksFraming() || CODEC_STATUSES.contains(answer.status()))) {
            codecAnswers++;
            return false;
        }
        if (!contentType.startsWith("application/problem+json")) {
            fail(index, request, target, answer, "a " + answer.status() + " that is not application/problem+json");
            return false;
        }
        if (request.method().equals("HEAD")) {
            return false;
        }
        JsonNode problem;
        try {
            problem = OpenApi.JSON.readTree(answer.body());
        } catch (IOException e) {
            fail(index, request, target, answer, "problem+json body is not JSON");
            return false;
        }
        if (problem == null || !problem.isObject()) {
            fail(index, request, target, answer, "problem+json body is not an object");
            return false;
        }
        String type = problem.path("type").asText("");
        String title = problem.path("title").asText("");
        if (problem.path("status").asInt(-1) != answer.status()) {
            fail(index, request, target, answer, "problem status " + problem.path("status") + " differs from the response's " + answer.status());
        }
        if (!type.startsWith(PROBLEM_PREFIX) || title.isBlank()) {
            fail(index, request, target, answer, "problem without a type of this API or without a title");
        }
        statusesByType.computeIfAbsent(type, t -> new TreeSet<>()).add(answer.status());
        titlesByTypeAndStatus.computeIfAbsent(type + " " + answer.status(), t -> new TreeSet<>()).add(title);
        return false;
    }

    void fail(int index, HostileRequest request, String target, RawHttp.Answer answer, String rule) {
        String body = answer.bodyText();
        String shown = answer.status() + " " + answer.header("Content-Type").orElse("(no Content-Type)") + " "
                + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
        failures.add(new Failure(index, request.describe(target), shown, rule));
    }

    void failure(int index, HostileRequest request, String target, String rule) {
        failures.add(new Failure(index, request.describe(target), "(none)", rule));
    }

    /** The per-run rules: one status per problem type (except the generic http-error) and one title per type and status. */
    List<String> inconsistencies() {
        List<String> found = new ArrayList<>();
        statusesByType.forEach((type, statuses) -> {
            if (statuses.size() > 1 && !type.endsWith(":http-error")) {
                found.add("problem type " + type + " came with several statuses: " + statuses);
            }
        });
        titlesByTypeAndStatus.forEach((key, titles) -> {
            if (titles.size() > 1) {
                found.add("problem " + key + " came with several titles: " + titles);
            }
        });
        return found;
    }

    List<Failure> failures() {
        return failures;
    }

    String summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("statuses", statusCounts);
        s.put("problem types", statusesByType);
        s.put("empty answers of the HTTP codec", codecAnswers);
        s.put("connections closed without an answer (broken framing)", closedWithoutAnswer);
        return s.toString();
    }
}
