package net.historyarchive.catalog.outbox.relay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled cleanup deletes only rows published longer ago than the retention. */
@QuarkusTest
class OutboxCleanupTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void deletesOldPublishedRowsAndKeepsRecentAndUnpublishedOnes() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // One uncommitted transaction: the running relay never sees these rows, and nothing stays behind.
            connection.setAutoCommit(false);
            UUID old = insert(connection, "now() - interval '2 hours'");
            UUID recent = insert(connection, "now() - interval '10 minutes'");
            UUID unpublished = insert(connection, "NULL");

            OutboxStore.deletePublishedBefore(connection, Duration.ofHours(1));

            assertThat(exists(connection, old)).isFalse();
            assertThat(exists(connection, recent)).isTrue();
            assertThat(exists(connection, unpublished)).isTrue();
            connection.rollback();
        }
    }

    private static UUID insert(Connection connection, String publishedAt) throws Exception {
        UUID aggregate = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (event_id, event_type, aggregate_id, aggregate_version, occurred_at, payload, published_at) "
                        + "VALUES (?, 'net.historyarchive.catalog.document.created.v1', ?, 1, now(), '{}', " + publishedAt + ")")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, aggregate);
            insert.executeUpdate();
        }
        return aggregate;
    }

    private static boolean exists(Connection connection, UUID aggregate) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM outbox_event WHERE aggregate_id = ?")) {
            query.setObject(1, aggregate);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
