package net.historyarchive.systemtests.endtoend;

import net.historyarchive.infra.DevToken;
import net.historyarchive.systemtests.hostile.HostileInputSuite;
import net.historyarchive.systemtests.hostile.TokenAbuseSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input and token abuse against both packaged services running as processes: at least
 * 10,000 requests generated from their OpenAPI documents ({@link HostileInputSuite}) and every
 * kind of bad token on every secured operation ({@link TokenAbuseSuite}).
 *
 * <p>{@code -Dhostile.seed=N} repeats a run's requests (the seed is printed, and named in every
 * failure). {@code -Dhostile.catalog-url=http://... -Dhostile.search-url=http://...} aims the suites
 * at services already running (with the development key pair) instead of starting them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final int AT_LEAST = Integer.getInteger("hostile.requests", 10_500);

    private ArchiveSystem system;
    private URI catalog;
    private URI search;

    @BeforeAll
    void startSystem() throws Exception {
        String catalogUrl = System.getProperty("hostile.catalog-url");
        String searchUrl = System.getProperty("hostile.search-url");
        if (catalogUrl != null && searchUrl != null) {
            catalog = URI.create(catalogUrl);
            search = URI.create(searchUrl);
            return;
        }
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath();
        Path logs = output.resolve("e2e-logs").resolve("hostile-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        system = ArchiveSystem.start(root, logs);
        catalog = URI.create("http://localhost:" + system.catalogPort());
        search = URI.create("http://localhost:" + system.searchPort());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void generatedHostileRequestsGetNo5xxOnlyProblemsAndStoreNothing() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        HostileInputSuite.Result result = new HostileInputSuite(catalog, search, token("archivist"), token("archive-admin"))
                .run(seed, AT_LEAST);
        System.out.println(result.report(0));
        Path report = Path.of(System.getProperty("system-tests.output", "target")).resolve("hostile-input-report.txt");
        java.nio.file.Files.writeString(report, result.report(Integer.MAX_VALUE));
        System.out.println("[hostile] full report: " + report);
        assertThat(result.requests()).isGreaterThanOrEqualTo(10_000);
        assertThat(result.passed()).as(() -> result.report(60) + logTails()).isTrue();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void abusedTokensAreRefusedWithProblemsAndWriteNothing() throws Exception {
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        TokenAbuseSuite.Result result = new TokenAbuseSuite(catalog, search, root.resolve("test-infra/src/main/resources/dev-keys")).run();
        System.out.println(result.report());
        assertThat(result.failures()).as(() -> result.report() + logTails()).isEmpty();
    }

    private static String token(String role) {
        return DevToken.mint("hostile-input-" + role, List.of(role), Duration.ofHours(1));
    }

    private String logTails() {
        return system == null ? "" : "\nservice logs:" + system.logTails();
    }
}
