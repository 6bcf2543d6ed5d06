package net.historyarchive.search.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The documents the search tests query, sent through Kafka as catalog events once per test JVM:
 * the ten sample documents (the seed page's, with their real typos "Pllenum" and "Plenun") and
 * small groups built around one rare word each so a test can reason about exactly what matches.
 * Every fixture document is in one collection named for this run, which tests filter on to stay
 * apart from documents other test classes send.
 */
final class SearchFixture {

    static final String COLLECTION = "Search fixture " + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SearchFixture loaded;

    final List<JsonNode> samples = new ArrayList<>();
    final Map<String, UUID> ids = new LinkedHashMap<>();

    static synchronized SearchFixture get() {
        if (loaded == null) {
            loaded = new SearchFixture();
            loaded.load();
        }
        return loaded;
    }

    private void load() {
        List<Snapshot> documents = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("..", "catalog-service", "src", "main", "resources", "sample-data", "documents.ndjson"))) {
                JsonNode sample = JSON.readTree(line);
                samples.add(sample);
                Snapshot snapshot = new Snapshot(sample.get("title").asText()).summary(sample.get("summary").asText())
                        .date(sample.at("/date/start").asText()).type(sample.get("documentType").asText()).collection(COLLECTION);
                sample.path("people").forEach(p -> snapshot.people(p.asText()));
                sample.path("places").forEach(p -> snapshot.places(p.asText()));
                documents.add(named("sample" + samples.size(), snapshot));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Ranking: the same rare word in the title, the summary, or only (three times) in the body.
        documents.add(named("zirconTitle", doc("Zircon mining report").summary("A short report.")));
        documents.add(named("zirconSummary", doc("Quarterly report").summary("On zircon deposits in the north.")));
        documents.add(named("zirconBody", doc("Annual report").summary("Mining in the north.")
                .text("ORIGINAL", "en", "Zircon deposits were surveyed. The zircon was graded. More zircon was found.")));
        documents.add(named("garnetEverywhere", doc("Garnet survey").summary("Garnet prices.")
                .text("ORIGINAL", "en", "The garnet was graded.")));
        // Phrases: adjacent versus scattered.
        documents.add(named("phraseAdjacent", doc("Lamp memorandum").summary("The green lantern was lit at the gate.")));
        documents.add(named("phraseScattered", doc("Lamp inventory").summary("A lantern, painted green long ago.")));
        // Accents and HTML in stored text.
        documents.add(named("accented", doc("Conversation with Máo Zédōng about wheat").people("Máo Zédōng")));
        documents.add(named("markup", doc("<script>alert(1)</script> Kestrel memo").summary("Kestrel & co.")));
        // Boolean operators and prefixes.
        documents.add(named("falcon", doc("Falcon telegram")));
        documents.add(named("osprey", doc("Osprey telegram")));
        documents.add(named("falconOsprey", doc("Falcon and osprey telegram")));
        // Dates of every precision, and an undated document.
        documents.add(named("heronYear", doc("Heron notes A").date("1950")));
        documents.add(named("heronMonth", doc("Heron notes B").date("1950-06")));
        documents.add(named("heronDay", doc("Heron notes C").date("1950-06-25")));
        documents.add(named("heronLater", doc("Heron notes D").date("1961-03-02")));
        documents.add(named("heronUndated", doc("Heron notes E")));
        // Filters and facets.
        documents.add(named("ibisTelegram", doc("Ibis telegram").date("1952").type("TELEGRAM").languages("ru").people("Kim Il Sung")
                .places("Pyongyang").subjects("Land reform").text("TRANSLATION", "en", "Ibis text in translation.")));
        documents.add(named("ibisLetterZh", doc("Ibis letter one").date("1953").type("LETTER").languages("zh").people("Zhou Enlai")
                .places("Beijing").subjects("Land reform")));
        documents.add(named("ibisLetterRu", doc("Ibis letter two").date("1954").type("LETTER").languages("ru").people("Kim Il Sung")
                .places("Moscow").subjects("Trade")));

        try (CatalogEvents catalog = new CatalogEvents()) {
            documents.forEach(d -> catalog.send(d.id(), d.json()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.values().stream()
                .allMatch(id -> given().get("/api/v1/documents/" + id).statusCode() == 200));
    }

    private static Snapshot doc(String title) {
        return new Snapshot(title).collection(COLLECTION);
    }

    private Snapshot named(String name, Snapshot snapshot) {
        ids.put(name, snapshot.id());
        return snapshot;
    }

    UUID id(String name) {
        return ids.get(name);
    }

    String name(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().toString().equals(id)).map(Map.Entry::getKey).findFirst().orElse(id);
    }
}
