package net.historyarchive.catalog.outbox.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The document change topic and the relay that feeds it: the one place these are set. */
@ConfigMapping(prefix = "archive.events")
public interface EventsConfig {

    /**
     * Compacted topic of the interactive lane's document change events (single creates, updates
     * and deletes through the API), keyed by document id.
     */
    @WithDefault("archive.documents.v1")
    String topic();

    /**
     * Compacted topic of the bulk lane (imports, restores, a renamed collection's documents, and a
     * copy of every deletion), keyed by document id. See EventLane.
     */
    @WithDefault("archive.documents.bulk.v1")
    String bulkTopic();

    /** Partitions bound the search consumer group's parallelism; raise before scaling out. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** The CloudEvents source attribute of every event. */
    @WithDefault("urn:historyarchive:catalog")
    String source();

    Relay relay();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Rows read and published per round. */
        @WithDefault("1000")
        int batchSize();

        /** How long to wait for a NOTIFY before polling anyway (the fallback). */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Key of the PostgreSQL advisory lock that elects the one active relay of the interactive
         * lane among replicas; the bulk lane uses the next key.
         */
        @WithDefault("7345001")
        long lockKey();

        /** Readiness goes down when publishing has failed for this long without a success. */
        @WithDefault("30s")
        Duration unhealthyAfter();

        /** Published rows older than this are deleted by the cleanup. */
        @WithDefault("PT24H")
        Duration retainPublished();
    }
}
