package net.historyarchive.catalog.oai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.JdkHttpOaiClient;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.GetRecordParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import net.historyarchive.catalog.document.service.DocumentService;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.Tokens;
import net.historyarchive.catalog.support.TransactionIds;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real harvester, gdcc xoai's service provider (the OAI-PMH client Dataverse harvests with),
 * harvests the repository over HTTP: a full harvest, then incremental harvests (from = when the
 * previous one started, as harvesters do) after creates, updates and deletes. The harvester's
 * copy, built only from what it harvested, must equal the catalog's tables exactly.
 */
@QuarkusTest
class OaiHarvestTest {

    private static final Pattern VERSION = Pattern.compile("<ar:version>(\\d+)</ar:version>");
    private static final String DELETED = "deleted";

    @Inject
    DataSource dataSource;

    @Inject
    DocumentService documents;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fullThenIncrementalHarvestsEndWithExactlyTheCatalog() throws Exception {
        String collection = Api.createCollection(Api.unique("Harvested collection"));
        String kept = Api.createDocumentIn(collection, "Telegram from Ponomarev");
        String toUpdate = Api.createDocumentIn(collection, "Record of a Conversation with Ri Dong-yong");
        String toDelete = Api.createDocumentIn(collection, "Draft, later withdrawn");
        String outside = Api.createDocumentTitled("Journal of Ambassador Puzanov");
        delete(Api.createDocumentTitled("Deleted before the first harvest"), 1);

        // The provider dates records when it first sees them committed (any request does): let a
        // second pass, so the records above are older than the first harvest.
        // (A transaction still running elsewhere can hold the dating back: wait until kept has a datestamp.)
        // GetRecord answers for a record not dated yet too, so wait until a list (which reads only
        // dated records) holds it.
        await().atMost(Duration.ofSeconds(60)).until(() -> Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection)
                .contains(Oai.identifier(kept)));
        Instant firstStarted = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().until(() -> Instant.now().isAfter(firstStarted));

        // Full harvest: the harvester keeps id -> version (or "deleted").
        Map<String, String> copy = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            copy.clear();
            copy.putAll(harvest(null, null));
            assertThat(copy).isEqualTo(catalog());
        });
        assertThat(copy).containsEntry(kept, "1").containsEntry(outside, "1");

        // Changes, then an incremental harvest from when the full one started.
        String created = Api.createDocumentIn(collection, "Letter from Kim Il Sung");
        Api.patchDocument(toUpdate, "\"1\"", "{\"summary\": \"Lazarev informs Ri Dong-yong.\"}").then().statusCode(200);
        Api.patchDocument(outside, "\"1\"", "{\"title\": \"Journal of Soviet Ambassador A.M. Puzanov\"}").then().statusCode(200);
        delete(toDelete, 1);
        String createdThenDeleted = Api.createDocumentTitled("Created and deleted between harvests");
        delete(createdThenDeleted, 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> increment = harvest(firstStarted, null);
            assertThat(increment).containsEntry(created, "1").containsEntry(toUpdate, "2").containsEntry(outside, "2")
                    .containsEntry(toDelete, DELETED).containsEntry(createdThenDeleted, DELETED);
            Map<String, String> updated = new HashMap<>(copy);
            updated.putAll(increment);
            assertThat(updated).isEqualTo(catalog());
            assertThat(increment).as("an incremental harvest is not a full one").doesNotContainKey(kept);
        });

        // A set harvest sees the collection's documents and the deletion of one that was in it.
        Map<String, String> set = harvest(null, collection);
        assertThat(set).containsOnlyKeys(kept, toUpdate, toDelete, created).containsEntry(toDelete, DELETED);

        // Nothing changed since: a harvest from a whole second after the increment (whose first request
        // dated the changes above, however long after them it ran) has nothing of ours.
        Instant afterIncrement = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().until(() -> Instant.now().isAfter(afterIncrement));
        Map<String, String> nothingNew = harvest(afterIncrement, null);
        assertThat(nothingNew).doesNotContainKeys(kept, toUpdate, toDelete, created, outside);
    }

    /**
     * Issue #16: the stamper's cursor was the text-largest txid of a run ("998" after "1421"), so
     * the next run dated every change in between again and unchanged records came back in
     * incremental harvests. Two changes either side of a txid gaining a digit, dated by one run,
     * must keep their datestamps through the next run.
     */
    @Test
    void aStampingRunAcrossATxidGainingADigitDatesEachChangeOnce() throws Exception {
        String collection = Api.createCollection(Api.unique("Txid digits"));
        String shorter = Api.createDocumentIn(collection, "Before the transaction ids gain a digit");
        TransactionIds.crossNextPowerOfTen(dataSource);
        String longer = Api.createDocumentIn(collection, "After the transaction ids gained a digit");

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String listed = Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection);
            return listed.contains(Oai.identifier(shorter)) && listed.contains(Oai.identifier(longer));
        });
        Map<String, String> dated = datestamps(shorter, longer);
        Oai.get("verb=Identify"); // another stamping run
        assertThat(datestamps(shorter, longer)).isEqualTo(dated);
    }

    private Map<String, String> datestamps(String... ids) throws SQLException {
        Map<String, String> datestamps = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id::text, datestamp::text FROM oai_item WHERE id = ANY(?::uuid[])")) {
            s.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    datestamps.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertThat(datestamps).hasSize(ids.length);
        return datestamps;
    }

    @Test
    void getRecordThroughTheHarvesterGivesDublinCore() throws Exception {
        String id = Api.createDocument("""
                {"title": "Memorandum on the August Plenum", "languages": ["ru"], "people": ["Kim Il Sung"],
                 "date": {"start": "1956-08-30", "precision": "DAY"}}""");
        Record record = harvester().getRecord(GetRecordParameters.request()
                .withIdentifier(Oai.identifier(id)).withMetadataFormatPrefix("oai_dc"));
        assertThat(record.getHeader().isDeleted()).isFalse();
        assertThat(record.getMetadata().asUnparsedString()).contains("Memorandum on the August Plenum")
                .contains("<dc:date>August 30, 1956</dc:date>").contains("<dc:subject>Kim Il Sung</dc:subject>");
    }

    /**
     * The reason datestamps are given after commit: a change whose transaction commits after a
     * harvest ran must still be in the next incremental harvest that starts from that harvest's
     * time, although the change was made (and its updatedAt taken) before it.
     */
    @Test
    void aChangeCommittedAfterAHarvestIsInTheNextIncrementalOne() throws Exception {
        String slow = Api.createDocumentTitled("Changed in a long transaction");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longTransaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            documents.patch(UUID.fromString(slow), 1L, json.createObjectNode().put("summary", "committed late"));
            written.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();

        Instant harvestWhileOpen = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().until(() -> Instant.now().isAfter(harvestWhileOpen)); // the next harvest's from is a whole second later
        assertThat(harvest(harvestWhileOpen.minusSeconds(10), null)).doesNotContainEntry(slow, "2");

        release.countDown();
        longTransaction.get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(harvest(harvestWhileOpen, null)).containsEntry(slow, "2"));
    }

    private ServiceProvider harvester() {
        HarvesterTextFix.coalesceTextOnThisThread();
        String base = "http://localhost:" + RestAssured.port + "/oai";
        return new ServiceProvider(new Context().withBaseUrl(base).withGranularity(Granularity.Second)
                .withSaveUnparsedMetadata()
                .withOAIClient(new JdkHttpOaiClient.JdkHttpBuilder(HttpClient.newBuilder()).withBaseUrl(base)
                        .withRequestTimeout(Duration.ofSeconds(60)).build()));
    }

    /** Harvests ListRecords in the native format: id -> version, or "deleted". */
    private Map<String, String> harvest(Instant from, String set) throws Exception {
        ListRecordsParameters parameters = ListRecordsParameters.request().withMetadataPrefix("archive");
        if (from != null) {
            parameters = parameters.withFrom(from);
        }
        if (set != null) {
            parameters = parameters.withSetSpec(set);
        }
        Map<String, String> harvested = new LinkedHashMap<>();
        Iterator<Record> records = harvester().listRecords(parameters);
        while (records.hasNext()) {
            Record record = records.next();
            String id = record.getHeader().getIdentifier().substring(record.getHeader().getIdentifier().lastIndexOf(':') + 1);
            String value;
            if (record.getHeader().isDeleted()) {
                value = DELETED;
            } else {
                Matcher version = VERSION.matcher(record.getMetadata().asUnparsedString());
                assertThat(version.find()).as("version in the native record of " + id).isTrue();
                value = version.group(1);
            }
            assertThat(harvested.put(id, value)).as("record " + id + " harvested twice in one list").isNull();
        }
        return harvested;
    }

    /** The catalog as a harvester should end up holding it: every document's version, every deletion. */
    private Map<String, String> catalog() throws SQLException {
        Map<String, String> state = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("SELECT id::text, version::text FROM document",
                    "SELECT id::text, 'deleted' FROM document_deletion")) {
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        state.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return state;
    }

    private static void delete(String id, long version) {
        given().header("Authorization", Tokens.archivist()).header("If-Match", "\"" + version + "\"")
                .delete(Api.DOCUMENTS + "/" + id).then().statusCode(204);
    }
}
