package net.historyarchive.catalog.outbox.relay;

import net.historyarchive.catalog.outbox.EventLane;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The lanes' change topics: their names, and their creation with their configuration if they do not exist yet. */
final class TopicSetup {

    /** Largest event: well above the largest document the API accepts, so no event can be refused. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private TopicSetup() {
    }

    static String topicOf(EventsConfig config, EventLane lane) {
        return lane == EventLane.BULK ? config.bulkTopic() : config.topic();
    }

    static void ensureTopic(String bootstrapServers, EventsConfig config, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            NewTopic topic = new NewTopic(name, config.partitions(), config.replicationFactor())
                    .configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES),
                            // Tombstones stay a day so that a consumer catching up still sees the deletion.
                            TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(1)),
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, config.replicationFactor() - 1))));
            try {
                admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
