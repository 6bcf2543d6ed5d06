package net.historyarchive.catalog.outbox.relay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.infra.ArchiveInfraResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import net.historyarchive.catalog.outbox.EventLane;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One active relay among replicas, and the topic it creates is configured as the contract says. */
@QuarkusTest
class RelayLeadershipTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Test
    void aSecondReplicaCannotTakeEitherLanesRelayLockWhileTheFirstHoldsThem() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("outbox_relay_active{lane=\"interactive\"} 1.0"))
                .body(org.hamcrest.Matchers.containsString("outbox_relay_active{lane=\"bulk\"} 1.0")));
        try (Connection otherReplica = dataSource.getConnection()) {
            for (EventLane lane : EventLane.values()) {
                assertThat(OutboxStore.tryLock(otherReplica, config.relay().lockKey() + lane.ordinal())).as("lock of %s", lane).isFalse();
            }
        }
    }

    @Test
    void bothLanesTopicsAreCompactedWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers()))) {
            for (String name : List.of(config.topic(), config.bulkTopic())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().contains(name));
                TopicDescription topic = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
                assertThat(topic.partitions()).as("partitions of %s", name).hasSize(config.partitions());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
                Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
                assertThat(topicConfig.get("cleanup.policy").value()).as("cleanup policy of %s", name).isEqualTo("compact");
            }
        }
    }
}
