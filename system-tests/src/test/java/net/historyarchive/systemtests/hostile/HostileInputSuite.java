package net.historyarchive.systemtests.hostile;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends generated hostile requests ({@link RequestGenerator}) to catalog-service and
 * search-service and judges every answer ({@link Verdicts}); then compares the catalog before and
 * after ({@link CatalogState}): every change must belong to a write the catalog accepted.
 *
 * <p>Needs only the two services' base URLs and two valid tokens, so it runs against any
 * deployment: the system test starts both services itself, or points at running ones.
 */
public final class HostileInputSuite {

    /** The outcome of a run; {@link #passed()} when nothing broke a rule. */
    public record Result(long seed, int requests, int accepted, List<Verdicts.Failure> failures, List<String> inconsistencies,
                         Set<String> unexplainedChanges, String summary) {

        public boolean passed() {
            return failures.isEmpty() && inconsistencies.isEmpty() && unexplainedChanges.isEmpty();
        }

        /** A report for a failed assertion: the seed to reproduce, then the first failures grouped by rule. */
        public String report(int maxFailures) {
            StringBuilder s = new StringBuilder("hostile input, seed " + seed + " (rerun with -Dhostile.seed=" + seed + "): "
                    + requests + " requests, " + accepted + " accepted, " + failures.size() + " failures\n" + summary + "\n");
            inconsistencies.forEach(i -> s.append("inconsistent problems: ").append(i).append('\n'));
            if (!unexplainedChanges.isEmpty()) {
                s.append("catalog records changed although no accepted write touched them: ").append(unexplainedChanges).append('\n');
            }
            failures.stream().limit(maxFailures).forEach(f -> s.append(f).append('\n'));
            if (failures.size() > maxFailures) {
                s.append("... and ").append(failures.size() - maxFailures).append(" more\n");
            }
            return s.toString();
        }
    }

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final URI catalog;
    private final URI search;
    private final String writerToken;
    private final String adminToken;
    private final Fixtures fixtures = new Fixtures();
    /** Ids of records that accepted writes created or changed: the only ones allowed to differ afterwards. */
    private final Set<String> touched = new TreeSet<>();

    /**
     * @param writerToken a valid JWT with catalog-service's write role (archivist)
     * @param adminToken  a valid JWT with search-service's admin role (archive-admin)
     */
    public HostileInputSuite(URI catalog, URI search, String writerToken, String adminToken) {
        this.catalog = catalog;
        this.search = search;
        this.writerToken = writerToken;
        this.adminToken = adminToken;
    }

    public Result run(long seed, int atLeast) throws IOException, InterruptedException {
        OpenApi catalogApi = OpenApi.fetch(catalog, HostileRequest.Service.CATALOG);
        OpenApi searchApi = OpenApi.fetch(search, HostileRequest.Service.SEARCH);
        List<OpenApi.Operation> operations = new ArrayList<>(catalogApi.operations());
        operations.addAll(searchApi.operations());
        List<HostileRequest> requests = new RequestGenerator(seed, operations, catalogApi, writerToken, adminToken).generate(atLeast);
        System.out.printf("[hostile] seed %d: %d requests for %d operations%n", seed, requests.size(), operations.size());

        Verdicts verdicts = new Verdicts();
        int accepted = 0;
        try (RawHttp catalogHttp = new RawHttp(catalog); RawHttp searchHttp = new RawHttp(search)) {
            createDocumentFixture(catalogHttp);
            createCollectionFixture(catalogHttp);
            CatalogState before = CatalogState.read(catalog);
            long start = System.nanoTime();
            for (int i = 0; i < requests.size(); i++) {
                HostileRequest generated = requests.get(i);
                HostileRequest request = generated.withHeaders(fixtures.resolve(generated.headers()));
                String target = fixtures.resolve(generated.target());
                RawHttp http = request.service() == HostileRequest.Service.CATALOG ? catalogHttp : searchHttp;
                RawHttp.Answer answer;
                try {
                    answer = http.exchange(request, target);
                } catch (IOException e) {
                    if (!request.breaksFraming()) {
                        verdicts.failure(i, request, target, "no answer: " + e);
                    }
                    continue;
                }
                if (verdicts.check(i, request, target, answer) && request.isWrite() && request.service() == HostileRequest.Service.CATALOG) {
                    accepted++;
                    afterAcceptedWrite(catalogHttp, request, target, answer);
                }
                if ((i + 1) % 2000 == 0) {
                    System.out.printf("[hostile] %d requests in %d s%n", i + 1, (System.nanoTime() - start) / 1_000_000_000);
                }
            }
            CatalogState after = CatalogState.read(catalog);
            Set<String> unexplained = after.changedSince(before);
            unexplained.removeAll(touched);
            return new Result(seed, requests.size(), accepted, verdicts.failures(), verdicts.inconsistencies(), unexplained, verdicts.summary());
        }
    }

    /**
     * A write the catalog accepted: its records may differ afterwards. An import's answer is not
     * trusted for this (every import case holds only lines that must be refused), so anything an
     * import stored shows as an unexplained change.
     */
    private void afterAcceptedWrite(RawHttp http, HostileRequest request, String target, RawHttp.Answer answer) throws IOException {
        if (target.contains("/import")) {
            return;
        }
        touched.addAll(uuids(target));
        touched.addAll(uuids(answer.bodyText()));
        long version = answer.header("ETag").map(e -> Long.parseLong(e.replace("\"", ""))).orElse(-1L);
        if (target.contains(fixtures.document())) {
            if (request.method().equals("DELETE")) {
                createDocumentFixture(http);
            } else if (version > 0) {
                fixtures.document(fixtures.document(), version);
            }
        }
        if (target.contains(fixtures.collection())) {
            if (request.method().equals("DELETE")) {
                createCollectionFixture(http);
            } else if (version > 0) {
                fixtures.collection(fixtures.collection(), version);
            }
        }
    }

    private void createDocumentFixture(RawHttp http) throws IOException {
        touched.add(fixtures.createDocument(http, writerToken));
    }

    private void createCollectionFixture(RawHttp http) throws IOException {
        touched.add(fixtures.createCollection(http, writerToken));
    }

    private static List<String> uuids(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = UUID.matcher(text);
        while (m.find()) {
            ids.add(m.group().toLowerCase());
        }
        return ids;
    }
}
