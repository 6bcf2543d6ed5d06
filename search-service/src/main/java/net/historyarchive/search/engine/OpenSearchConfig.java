package net.historyarchive.search.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the search view's OpenSearch cluster is and how its indexes are laid out (archive.opensearch.*). */
@ConfigMapping(prefix = "archive.opensearch")
public interface OpenSearchConfig {

    /** Base URLs of the cluster's HTTP endpoints, comma-separated (env ARCHIVE_OPENSEARCH_URL). */
    @WithDefault("http://localhost:9200")
    List<String> url();

    /** Basic-auth credentials where the security plugin is on (production); absent locally. */
    Optional<String> username();

    Optional<String> password();

    /**
     * The alias searches and the consumer use; each view generation is an index named
     * {@code <prefix>-<generation>} behind it.
     */
    @WithDefault("archive-documents")
    String indexPrefix();

    @WithDefault("1")
    int shards();

    /** Replicas of each shard; 0 on a single node, at least 1 on a cluster. */
    @WithDefault("0")
    int replicas();

    /**
     * How soon a change applied by the bulk lane (imports, re-publishing) becomes searchable. Each
     * refresh writes a new segment; measured in docs/benchmarks.md (ingest), a 250 ms interval spent
     * more of the node's time refreshing than indexing during an import. Interactive changes do not
     * wait for it: their batches are made searchable as soon as they are applied (see ViewWriter).
     */
    @WithDefault("5s")
    Duration refreshInterval();

    /** {@link #refreshInterval()} as the index setting states it. */
    default String refreshIntervalSetting() {
        return refreshInterval().toMillis() + "ms";
    }

    /**
     * Bulk requests of one batch in flight at once. One bulk request is indexed by one write thread
     * of the node, so a single request leaves the node's other cores idle; measured in
     * docs/benchmarks.md (ingest). Each document appears once per batch, so the parts are independent.
     */
    @WithDefault("2")
    int bulkConcurrency();

    /**
     * The most documents in one bulk request. An interactive change queues in the node's write pool
     * behind the bulk requests already there, so this bounds how long it waits during an import.
     */
    @WithDefault("250")
    int bulkRequestDocuments();

    /** Socket timeout per request; bulk requests of a rebuild are the slowest. */
    @WithDefault("60s")
    Duration requestTimeout();
}
