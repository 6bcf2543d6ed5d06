package net.historyarchive.infra.bench.search;

import java.util.List;

/** One way of answering the benchmark's queries: search-service over HTTP, naive SQL, or Lucene in-process. */
public interface SearchEngine extends AutoCloseable {

    String name();

    /** Untimed preparation, e.g. walking cursors down to the depth the deep-page queries start at. */
    void prepare(List<BenchQuery> queries) throws Exception;

    /** A client for one benchmark thread (engines hand out one connection each). */
    Client client() throws Exception;

    interface Client extends AutoCloseable {
        /** Answers the query completely: top 10 (at its page), total and, when it asks for them, the three facets. */
        Outcome run(BenchQuery query) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * What came back, for the cross-check table (not timed).
     *
     * @param exact false when the total is a lower bound
     * @param facetValues values returned over the three facets
     */
    record Outcome(long total, boolean exact, int hits, int facetValues) {
        public String totalText() {
            return (exact ? "" : "≥") + String.format("%,d", total);
        }
    }

    @Override
    default void close() throws Exception {
    }
}
