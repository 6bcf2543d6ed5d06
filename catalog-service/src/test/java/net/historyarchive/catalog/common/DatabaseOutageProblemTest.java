package net.historyarchive.catalog.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.common.problem.ProblemMappers;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that is away is a 503 with Retry-After (retry later), not a 500 (a bug). */
@QuarkusTest
class DatabaseOutageProblemTest {

    @Inject
    ProblemMappers mappers;

    @Test
    void connectionRefusedAndCrashRecoveryAre503WithRetryAfter() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03"}) {
            var response = mappers.unexpected(new RuntimeException("Unable to acquire JDBC Connection",
                    new SQLException("the database system is in recovery mode", state)), null);
            assertThat(response.getStatus()).as("SQLState %s", state).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void otherFailuresStay500() {
        var response = mappers.unexpected(new RuntimeException("bug", new SQLException("syntax error", "42601")), null);
        assertThat(response.getStatus()).isEqualTo(500);
    }
}
