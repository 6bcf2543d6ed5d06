package net.historyarchive.search.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the view's events come from and where the ones that can never be applied go. */
@ConfigMapping(prefix = "archive.ingest")
public interface IngestConfig {

    @WithDefault("true")
    boolean enabled();

    /** The catalog's interactive lane: single changes (see contracts/document-events.asyncapi.yaml). */
    @WithDefault("archive.documents.v1")
    String topic();

    /** The catalog's bulk lane: imports, restores, fan-outs, and every deletion once more. */
    @WithDefault("archive.documents.bulk.v1")
    String bulkTopic();

    /** Replicas of search-service share this group for the interactive lane; partitions bound how many consume at once. */
    @WithDefault("search-service")
    String group();

    /** The same for the bulk lane: a group of its own, so each lane's members and offsets are independent. */
    @WithDefault("search-service-bulk")
    String bulkGroup();

    /** Events that can never be applied, with the reason in a header. */
    @WithDefault("archive.documents.v1.dlq")
    String deadLetterTopic();

    /**
     * Events per poll, applied as one batch (split into archive.opensearch.bulk-concurrency bulk
     * requests) before the offsets are committed.
     */
    @WithDefault("1000")
    int maxPollRecords();

    /**
     * Bytes fetched per partition and request. Kafka's 1 MiB default holds only about 300 typical
     * events (3-4 KB), fewer than a poll may apply; 4 MiB lets a poll fill up. A single larger
     * event is still fetched whole.
     */
    @WithDefault("4194304")
    int maxPartitionFetchBytes();

    @WithDefault("1s")
    Duration pollTimeout();

    /**
     * How long the group waits for a replica that stopped heartbeating (a crash, SIGKILL) before
     * its partitions move: Kafka's 45 s default left the view that far behind after a crash. The
     * broker accepts 6 s and more by default (group.min.session.timeout.ms).
     */
    @WithDefault("10s")
    Duration sessionTimeout();
}
