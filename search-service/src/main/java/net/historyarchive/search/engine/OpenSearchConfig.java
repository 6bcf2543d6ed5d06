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
     * How soon an applied change becomes searchable. A quarter second keeps an archivist's edit
     * visible well within a second; a refresh with nothing new to publish costs nothing.
     */
    @WithDefault("250ms")
    String refreshInterval();

    /**
     * Bulk requests a batch of changes is split into and sent at once. One bulk request is indexed
     * by one write thread of the node, so a single request leaves the node's other cores idle;
     * measured in docs/benchmarks.md (ingest). Each document appears once per batch, so the parts
     * are independent.
     */
    @WithDefault("2")
    int bulkConcurrency();

    /** Socket timeout per request; bulk requests of a rebuild are the slowest. */
    @WithDefault("60s")
    Duration requestTimeout();
}
