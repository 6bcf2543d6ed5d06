package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A round over a backlog fails at the first record whose topic metadata cannot be had, instead of
 * blocking max.block.ms (10 s) for every row: with the old behaviour a backlog of 100 rows held the
 * relay for over 16 minutes after a broker restart, and the view stayed behind (issue #13).
 */
class EventPublisherTest {

    @Test
    @Timeout(60) // one metadata wait (10 s) plus the producer's close; the old behaviour took 100 waits
    void aBacklogFailsFastWhenTheTopicsMetadataCannotBeHad() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: connection refused, as with a broker that is down
        }
        List<OutboxRow> backlog = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            backlog.add(new OutboxRow(id, UUID.randomUUID(), "net.historyarchive.catalog.document.created.v1", UUID.randomUUID(), 1,
                    Instant.now(), "{\"title\":\"Backlog " + id + "\"}", null));
        }
        try (EventPublisher publisher = new EventPublisher("localhost:" + port, "archive.documents.v1", "urn:test",
                new ObjectMapper(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), PublishTracing.off())) {
            assertThatThrownBy(() -> publisher.publish(backlog)).isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("not present in metadata");
        }
    }
}
