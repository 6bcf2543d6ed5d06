package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the reading room tests read, sent through Kafka once per test JVM: the ten documents of
 * the seed page (with their real typos), one of them with its whole archival record (texts side
 * by side, source, rights, a related document), a document titled with a script tag, and an
 * undated one.
 */
final class ReadingRoomDocuments {

    static final String COLLECTION = "North Korea in the Cold War";
    static final String FULL_RECORD_TITLE = "Record of a Meeting between the Soviet and Chinese Delegations";
    static final String HOSTILE_TITLE = "<script>alert(1)</script> Osprey memo";
    static final String UNDATED_TITLE = "Undated note on osprey sightings";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static ReadingRoomDocuments loaded;

    /** Title to id of every document sent. */
    final Map<String, UUID> ids = new LinkedHashMap<>();
    /** The seed page's documents, in its order. */
    final List<JsonNode> seed = new ArrayList<>();

    static synchronized ReadingRoomDocuments get() {
        if (loaded == null) {
            loaded = new ReadingRoomDocuments();
            loaded.load();
        }
        return loaded;
    }

    private void load() {
        List<ObjectNode> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("..", "catalog-service", "src", "main", "resources", "sample-data", "documents.ndjson"))) {
                JsonNode sample = JSON.readTree(line);
                seed.add(sample);
                String start = sample.at("/date/start").asText();
                Snapshot snapshot = new Snapshot(sample.get("title").asText()).summary(sample.get("summary").asText())
                        .date(start).type(sample.get("documentType").asText()).languages("ru").subjects("Sino-North Korean relations");
                snapshot.people(strings(sample.path("people"))).places(strings(sample.path("places")));
                ObjectNode event = event(snapshot);
                ((ObjectNode) event.get("data").get("date")).put("display", LocalDate.parse(start).format(DISPLAY));
                events.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        enrichFullRecord(events);
        ObjectNode hostile = event(new Snapshot(HOSTILE_TITLE).summary("A memo about an osprey & <b>bold</b> claims.").type("MEMORANDUM")
                .date("1961-03").languages("en").subjects("Birds"));
        ((ObjectNode) hostile.at("/data/date")).put("display", "circa March 1961").put("qualifier", "APPROXIMATE");
        events.add(hostile);
        events.add(event(new Snapshot(UNDATED_TITLE).summary("Sightings of an osprey near the coast.").type("NOTE")
                .languages("en").subjects("Birds")));
        try (CatalogEvents catalog = new CatalogEvents(ReadingRoomProfile.TOPIC)) {
            events.forEach(e -> catalog.send(UUID.fromString(e.get("subject").asText()), e.toString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.values().stream()
                .allMatch(id -> given().get("/api/v1/documents/" + id).statusCode() == 200));
    }

    /** The seed page's "Record of a Meeting" gets texts in two languages, its source, rights and a related document. */
    private void enrichFullRecord(List<ObjectNode> events) {
        ObjectNode data = (ObjectNode) events.stream().map(e -> e.get("data"))
                .filter(d -> d.get("title").asText().equals(FULL_RECORD_TITLE)).findFirst().orElseThrow();
        data.putArray("texts").add(JSON.createObjectNode().put("kind", "ORIGINAL").put("language", "ru")
                        .put("body", "Мао Цзэдун: Мы получили сведения из Пхеньяна.\n\nМикоян: Нужно послать делегацию."))
                .add(JSON.createObjectNode().put("kind", "TRANSLATION").put("language", "en")
                        .put("body", "Mao Zedong: We have received information from Pyongyang.\n\nMikoyan: A delegation must be sent.")
                        .set("translators", JSON.createArrayNode().add("Gary Goldberg")));
        data.putArray("languages").add("ru").add("en");
        data.putArray("related").add(ids.get("Draft of Record of a Meeting between the Soviet and Chinese Delegations").toString());
        data.putArray("media").addObject().put("uri", "https://example.org/scans/apfr-3-65-779.pdf").put("mediaType", "application/pdf")
                .put("caption", "Scan of the original, 12 folios");
        // source (Archive of the President of the Russian Federation, fond 3, opis 65, delo 779, folios 1-12),
        // rights and the collection come from the contract's example event the Snapshot starts from.
    }

    private ObjectNode event(Snapshot snapshot) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(snapshot.json());
            ids.put(event.at("/data/title").asText(), snapshot.id());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.toArray(String[]::new);
    }

    UUID id(String title) {
        return ids.get(title);
    }
}
