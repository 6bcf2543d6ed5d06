package net.historyarchive.infra.bench.suite;

import java.util.Arrays;

/**
 * {@code ./archive bench NAME [options]}: one command per benchmark.
 * <ul>
 *   <li>{@code stack}: run the benchmark stack in the foreground (the others attach to it or start their own)</li>
 *   <li>{@code search}: search latency, search-service beside bare OpenSearch, naive PostgreSQL and Lucene</li>
 *   <li>{@code freshness}: commit-to-searchable latency at a steady write rate and during a bulk import</li>
 *   <li>{@code ingest}: N documents through the bulk import until searchable; view rebuild time</li>
 *   <li>{@code footprint}: start time to first answer and resident memory of each service</li>
 *   <li>{@code harvest}: an OAI-PMH harvest and a full export of N documents (catalog-service alone)</li>
 *   <li>{@code limits}: catalog-service under its container memory limit (a memory cgroup), with its image's JVM options</li>
 *   <li>{@code relevance}: known-item success and judged nDCG@10, search-service beside default BM25</li>
 *   <li>{@code soak}: minutes of mixed reads and writes at a steady rate; errors, latency and memory per minute</li>
 * </ul>
 */
public final class ArchiveBench {

    private ArchiveBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println("usage: ./archive bench stack|search|freshness|ingest|footprint|harvest|limits|relevance|soak [--option value ...]; see docs/benchmarks.md");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "stack" -> BenchStack.main(rest);
                case "search" -> net.historyarchive.infra.bench.search.SearchBenchmark.main(rest);
                case "freshness" -> net.historyarchive.infra.bench.freshness.FreshnessBenchmark.main(rest);
                case "ingest" -> net.historyarchive.infra.bench.ingest.IngestEndToEndBenchmark.main(rest);
                case "footprint" -> net.historyarchive.infra.bench.footprint.FootprintBenchmark.main(rest);
                case "harvest" -> net.historyarchive.infra.bench.harvest.HarvestBenchmark.main(rest);
                case "limits" -> net.historyarchive.infra.bench.footprint.ContainerLimitBenchmark.main(rest);
                case "relevance" -> net.historyarchive.infra.bench.relevance.RelevanceBenchmark.main(rest);
                case "soak" -> net.historyarchive.infra.bench.soak.SoakBenchmark.main(rest);
                default -> {
                    System.err.println("unknown benchmark '" + args[0] + "': stack, search, freshness, ingest, footprint, harvest, limits, relevance or soak");
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("[bench] " + e.getMessage());
            System.exit(2);
        }
    }
}
