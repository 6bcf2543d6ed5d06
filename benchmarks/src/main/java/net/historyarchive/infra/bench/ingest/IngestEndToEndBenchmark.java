package net.historyarchive.infra.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.CorpusLoader;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
import net.historyarchive.infra.bench.suite.Rss;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Ingest end to end: N corpus documents through the catalog's bulk import (parts of at most
 * {@code --part-size}, sent one after the other) until search-service's view holds all of them;
 * documents per second from the first import request to the last document searchable. The NDJSON
 * is generated before the clock starts. Then, unless {@code --no-rebuild}, a full view rebuild from
 * the topic (POST /api/v1/admin/rebuild, role archive-admin), timed until the rebuilt index
 * generation serves (the view's alias points at it).
 *
 * <pre>./archive bench ingest [--documents 100000] [--data DIR] [--part-size 100000] [--no-rebuild] [--keep-stack]</pre>
 */
public final class IngestEndToEndBenchmark {

    public record Report(String markdown, CorpusLoader.Load load, double rebuildSeconds) {
    }

    private IngestEndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack", "no-rebuild"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        long documents = cli.number("documents", 100_000);
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        int partSize = cli.integer("part-size", 100_000);
        long seed = cli.number("seed", 42);
        boolean rebuild = !cli.flag("no-rebuild");
        Path out = cli.path("out", data.resolve("results/ingest-" + documents + ".md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            Report report = run(stack.info(), data, seed, documents, partSize, rebuild);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static Report run(StackInfo stack, Path data, long seed, long documents, int partSize, boolean rebuild) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        CorpusLoader loader = new CorpusLoader(stack, data, seed);
        long before = loader.loaded();
        if (before >= documents) {
            throw new IllegalStateException("the stack on " + data + " already holds " + before + " corpus documents; "
                    + "the ingest benchmark needs a fresh --data directory (or a larger --documents)");
        }
        System.out.println("[bench] generating the NDJSON before the clock starts");
        loader.prepare(before, documents, partSize);
        CorpusLoader.Load load;
        long catalogPeak;
        long searchPeak;
        try (Rss.PeakSampler catalogRss = new Rss.PeakSampler(stack.catalogPid(), 200);
             Rss.PeakSampler searchRss = new Rss.PeakSampler(stack.searchPid(), 200)) {
            load = loader.loadUpTo(documents, partSize);
            catalogPeak = catalogRss.peak();
            searchPeak = searchRss.peak();
        }
        long n = load.documents();
        StringBuilder md = new StringBuilder();
        md.append("### Ingest of ").append(String.format("%,d", n)).append(" documents\n\n");
        md.append("Measured ").append(conditions).append(". The stack held ").append(String.format("%,d", before))
                .append(" documents before; parts of at most ").append(String.format("%,d", partSize))
                .append(" documents, one import request (ATOMIC) after the other.\n\n");
        Markdown t = new Markdown("what", "seconds", "documents/s");
        t.row("bulk import: first request sent to last import committed", String.format("%.1f", load.importSeconds()),
                String.format("%,.0f", n / load.importSeconds()));
        t.row("**end to end: first request sent to every document applied by search-service**", String.format("**%.1f**", load.endToEndSeconds()),
                String.format("**%,.0f**", n / load.endToEndSeconds()));
        md.append(t);
        if (load.deadLettered() > 0) {
            md.append(String.format("%n**%,d of the %,d documents (%.1f%%) were dead-lettered by search-service instead of becoming searchable** "
                    + "(counted as done when dead-lettered; see search-service's log for the reason).%n", load.deadLettered(), n,
                    100.0 * load.deadLettered() / n));
        }
        md.append("\nPeak resident memory (VmRSS) during the ingest: catalog-service ").append(Rss.mb(catalogPeak))
                .append(" MB, search-service ").append(Rss.mb(searchPeak)).append(" MB.\n\nProgress:\n\n```\n");
        load.progress().forEach(line -> md.append(line).append('\n'));
        md.append("```\n");
        double rebuildSeconds = Double.NaN;
        if (rebuild) {
            md.append('\n');
            rebuildSeconds = rebuild(stack, loader, md);
        }
        md.append("\nLoad average after: ").append(Machine.loadAverage()).append(".\n");
        return new Report(md.toString(), load, rebuildSeconds);
    }

    /**
     * Asks search-service to rebuild its view from the topic and waits until its rebuild status
     * says SUCCEEDED and the view's alias points at the generation it built.
     */
    static double rebuild(StackInfo stack, CorpusLoader loader, StringBuilder md) throws Exception {
        HttpClient http = Http.client();
        long expected = loader.viewCount();
        OpenSearchNode openSearch = new OpenSearchNode(stack.openSearchUrl());
        String before = openSearch.liveIndex();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.searchUrl() + "/api/v1/admin/rebuild"))
                .header("Authorization", Http.adminToken()).timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404 || r.statusCode() == 405) {
            md.append("View rebuild: **not measured**: search-service answers POST /api/v1/admin/rebuild with HTTP ")
                    .append(r.statusCode()).append(" (the endpoint is not in this build).\n");
            return Double.NaN;
        }
        if (r.statusCode() / 100 != 2) {
            md.append("View rebuild: **failed to start**: HTTP ").append(r.statusCode()).append(' ').append(Http.abbreviate(r.body())).append('\n');
            return Double.NaN;
        }
        System.out.println("[bench] rebuild started: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        String state = "";
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            // GET /api/v1/admin/rebuild says RUNNING, SUCCEEDED or FAILED
            status = Http.getJson(http, stack.searchUrl() + "/api/v1/admin/rebuild", Http.adminToken());
            state = status.path("state").asText();
            if (!state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = loader.viewCount();
        String serving = openSearch.liveIndex();
        if (state.equals("SUCCEEDED") && serving != null && !serving.equals(before)) {
            md.append(String.format("**View rebuild** from the topic (POST /api/v1/admin/rebuild until GET says SUCCEEDED; the alias moved "
                    + "from %s to %s, which holds %,d live documents, %,d before): **%.1f s** (%,.0f documents/s). Status: `%s`.%n",
                    before, serving, after, expected, seconds, after / seconds, status));
            return seconds;
        }
        md.append(String.format("View rebuild: **did not succeed** after %.1f s: state %s, status `%s`.%n", seconds, state, status));
        return Double.NaN;
    }
}
