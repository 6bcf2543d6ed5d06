package net.historyarchive.systemtests.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.clients.catalog.ApiClient;
import net.historyarchive.clients.catalog.ApiException;
import net.historyarchive.clients.catalog.api.DocumentsApi;
import net.historyarchive.clients.catalog.model.Document;
import net.historyarchive.clients.catalog.model.DocumentInput;
import net.historyarchive.clients.catalog.model.Problem;
import net.historyarchive.clients.search.api.SearchApi;
import net.historyarchive.clients.search.model.Hit;
import net.historyarchive.clients.search.model.SearchResult;
import net.historyarchive.infra.DevToken;
import net.historyarchive.systemtests.endtoend.ArchiveSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The API contracts as a client developer meets them, against both services running as separate
 * processes: the OpenAPI documents they serve are the ones the build generated the Java clients
 * from (net.historyarchive.clients.*, openapi-generator, library native), both are lint clean under
 * spectral (spectral:oas) and Redocly (recommended), and real calls through the generated clients
 * work: the seed documents created through the catalog client are found through the search client,
 * a create without a token is a 401 problem, a write with a stale If-Match a 412 problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT {

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(60);
    private static final Path SEED = Path.of("catalog-service/src/main/resources/sample-data/documents.ndjson");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ArchiveSystem system;
    private Path lintDir;

    @BeforeAll
    void startSystem() throws Exception {
        Path logs = ContractFiles.output().resolve("contract-logs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        system = ArchiveSystem.start(ContractFiles.root(), logs);
        lintDir = Files.createDirectories(ContractFiles.output().resolve("contracts"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theServedDocumentsAreTheOnesTheClientsWereGeneratedFrom() throws Exception {
        for (String service : List.of("catalog-service", "search-service")) {
            JsonNode live = ContractFiles.JSON.readTree(get(port(service), "/q/openapi?format=json", "application/json").body());
            JsonNode built = ContractFiles.JSON.readTree(ContractFiles.root().resolve(service).resolve("target/openapi/openapi.json").toFile());
            assertThat(live).as(service + ": /q/openapi vs target/openapi/openapi.json").isEqualTo(built);
            assertThat(live.path("info").path("title").asText()).as(service + " title").startsWith("Archive ");
        }
    }

    @Test
    void bothServedDocumentsAreLintCleanUnderSpectralAndRedocly() throws Exception {
        ApiLinters linters = ApiLinters.locate();
        List<String> failures = new ArrayList<>();
        for (String service : List.of("catalog-service", "search-service")) {
            Path document = lintDir.resolve(service + "-openapi.yaml");
            Files.writeString(document, get(port(service), "/q/openapi", "application/yaml").body());
            ApiLinters.Result spectral = linters.spectral(document);
            if (spectral.exitCode() != 0) {
                failures.add(service + " spectral: " + spectral);
            }
            ApiLinters.Result redocly = linters.redocly(document);
            JsonNode totals = redocly.exitCode() == 0 ? ContractFiles.JSON.readTree(redocly.output()).path("totals") : null;
            if (totals == null || totals.path("errors").asInt(-1) != 0 || totals.path("warnings").asInt(-1) != 0) {
                failures.add(service + " redocly: " + redocly);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theGeneratedClientsCreateDocumentsThatTheSearchFinds() throws Exception {
        ApiClient client = catalogClient(DevToken.archivist());
        DocumentsApi catalog = new DocumentsApi(client);
        ObjectMapper json = client.getObjectMapper();
        Set<UUID> created = new java.util.HashSet<>();
        for (String line : Files.readAllLines(ContractFiles.root().resolve(SEED))) {
            if (!line.isBlank()) {
                Document document = catalog.createDocument(json.readValue(line, DocumentInput.class));
                assertThat(document.getVersion()).isEqualTo(1L);
                created.add(document.getId());
            }
        }
        assertThat(created).hasSizeGreaterThanOrEqualTo(10);

        SearchApi search = new SearchApi(new net.historyarchive.clients.search.ApiClient()
                .setHost("localhost").setPort(system.searchPort()).setScheme("http"));
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            SearchResult result = search.search("Pyongyang", null, null, 100, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, "place", null);
            assertThat(result.getHits().stream().map(Hit::getId).collect(Collectors.toSet())).containsAll(created);
            assertThat(result.getTotal().getValue()).isEqualTo((long) created.size());
        });
        assertThat(search.suggest("pyong", List.of("place"), null).getSuggestions()).isNotEmpty();
    }

    @Test
    void aCreateWithoutATokenIsA401Problem() throws Exception {
        ApiClient client = catalogClient(null);
        DocumentsApi anonymous = new DocumentsApi(client);
        DocumentInput input = new DocumentInput().title("Written without a token");
        ApiException refused = catchThrowableOfType(ApiException.class, () -> anonymous.createDocument(input));
        assertThat(refused.getCode()).isEqualTo(401);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("urn:historyarchive:problem:unauthorized");
        assertThat(problem.getStatus()).isEqualTo(401);
    }

    @Test
    void aWriteWithAStaleIfMatchIsA412Problem() throws Exception {
        ApiClient client = catalogClient(DevToken.archivist());
        DocumentsApi catalog = new DocumentsApi(client);
        Document document = catalog.createDocument(new DocumentInput().title("Changed twice from the same version"));
        Document changed = catalog.patchDocument(document.getId().toString(), "\"1\"", Map.of("summary", "First change."));
        assertThat(changed.getVersion()).isEqualTo(2L);

        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> catalog.patchDocument(document.getId().toString(), "\"1\"", Map.of("summary", "Second change.")));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("urn:historyarchive:problem:precondition-failed");
        assertThat(catalog.getDocument(document.getId().toString()).getSummary()).isEqualTo("First change.");
    }

    private ApiClient catalogClient(String token) {
        ApiClient client = new ApiClient().setHost("localhost").setPort(system.catalogPort()).setScheme("http");
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private int port(String service) {
        return service.startsWith("catalog") ? system.catalogPort() : system.searchPort();
    }

    private HttpResponse<String> get(int port, String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
