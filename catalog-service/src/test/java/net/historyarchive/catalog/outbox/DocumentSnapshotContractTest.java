package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.model.DocumentText;
import net.historyarchive.catalog.document.model.DocumentType;
import net.historyarchive.catalog.document.model.MediaLink;
import net.historyarchive.catalog.document.model.PartialDate;
import net.historyarchive.catalog.document.model.ReuseCategory;
import net.historyarchive.catalog.document.model.Rights;
import net.historyarchive.catalog.document.model.Source;
import net.historyarchive.catalog.document.model.TextKind;
import net.historyarchive.catalog.outbox.event.DocumentSnapshot;
import net.historyarchive.catalog.outbox.event.DocumentSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event snapshot type and contracts/schemas/document-snapshot.v1.schema.json describe the
 * same thing: the same properties at every level, and what the mapper writes conforms. Fails
 * when either is changed alone; the REST view (document.api.DocumentView) is not involved.
 */
class DocumentSnapshotContractTest {

    private static final String SCHEMA_FILE = "document-snapshot.v1.schema.json";
    /** Configured as Quarkus configures its mapper: ISO-8601 timestamps. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theSnapshotTypeAndTheSchemaHaveTheSameProperties() {
        JsonNode schema = EventContract.schemaDocument(SCHEMA_FILE);
        List<String> drift = new ArrayList<>();
        compare("data", JSON.constructType(DocumentSnapshot.class), schema, schema, drift);
        assertThat(drift).as("differences between DocumentSnapshot and %s", SCHEMA_FILE).isEmpty();
    }

    @Test
    void aSnapshotOfADocumentWithEveryFieldConforms() {
        assertThat(EventContract.snapshotViolations(JSON.valueToTree(DocumentSnapshots.of(fullDocument())))).isEmpty();
    }

    @Test
    void aSnapshotOfADocumentWithOnlyATitleConforms() {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.version = 1;
        document.createdAt = Instant.parse("2026-11-28T09:15:02.123456Z");
        document.updatedAt = document.createdAt;
        document.title = "Untitled note";
        JsonNode snapshot = JSON.valueToTree(DocumentSnapshots.of(document));
        assertThat(EventContract.snapshotViolations(snapshot)).isEmpty();
        assertThat(snapshot.has("date")).isFalse();
        assertThat(snapshot.has("source")).isFalse();
    }

    /** Every example a consumer reads can be represented by the type, unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"document-created.json", "document-updated.json"})
    void theExampleSnapshotsReadIntoTheTypeAndBackUnchanged(String example) throws Exception {
        JsonNode data = JSON.readTree(EventContract.example(example)).get("data");
        DocumentSnapshot snapshot = JSON.treeToValue(data, DocumentSnapshot.class);
        assertThat(JSON.readTree(JSON.writeValueAsString(snapshot))).isEqualTo(data);
    }

    /** Walks the type's JSON properties (as Jackson writes them) beside the schema's, recursing into nested records and lists. */
    private static void compare(String path, JavaType type, JsonNode node, JsonNode root, List<String> drift) {
        JsonNode schema = resolve(node, root);
        if (type.isCollectionLikeType()) {
            compare(path + "[]", type.getContentType(), schema.path("items"), root, drift);
            return;
        }
        if (!type.getRawClass().isRecord()) {
            return; // a scalar: its format is checked by validating real snapshots
        }
        Set<String> inSchema = new TreeSet<>();
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            inSchema.add(names.next());
        }
        Set<String> inType = new TreeSet<>();
        for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(type).findProperties()) {
            inType.add(property.getName());
            if (inSchema.contains(property.getName())) {
                compare(path + "." + property.getName(), property.getPrimaryType(),
                        schema.path("properties").path(property.getName()), root, drift);
            }
        }
        inType.stream().filter(p -> !inSchema.contains(p)).forEach(p -> drift.add(path + "." + p + " is in the type, not in the schema"));
        inSchema.stream().filter(p -> !inType.contains(p)).forEach(p -> drift.add(path + "." + p + " is in the schema, not in the type"));
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
    }

    private static Document fullDocument() {
        Collection collection = new Collection();
        collection.id = UUID.randomUUID();
        collection.name = "Korean War Origins";
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.version = 3;
        d.createdAt = Instant.parse("2026-11-28T09:15:02.123456Z");
        d.updatedAt = Instant.parse("2026-11-28T09:20:11Z");
        d.title = "Record of a Meeting between the Soviet and Chinese Delegations";
        d.summary = "Mao Zedong and Mikoyan discuss the August Plenum.";
        d.date = new PartialDate("September 1956", LocalDate.of(1956, 9, 1), LocalDate.of(1956, 9, 30),
                DatePrecision.MONTH, DateQualifier.NONE);
        d.documentType = DocumentType.RECORD_OF_CONVERSATION;
        d.languages = new String[]{"ru", "zh"};
        d.texts = List.of(new DocumentText(TextKind.TRANSLATION, "en", "Mao: ...", List.of("Gary Goldberg")));
        d.source = new Source();
        d.source.repository = "APRF";
        d.source.fond = "3";
        d.source.opis = "65";
        d.source.delo = "779";
        d.source.folios = "1-12";
        d.source.citation = "APRF, f. 3, op. 65, d. 779, ll. 1-12";
        d.rights = new Rights();
        d.rights.statement = "Public domain";
        d.rights.uri = "https://rightsstatements.org/vocab/NoC-US/1.0/";
        d.rights.reuse = ReuseCategory.PUBLIC_DOMAIN;
        d.collections.add(collection);
        d.subjects = new String[]{"August Plenum"};
        d.people = new String[]{"Mao Zedong", "Mikoyan"};
        d.places = new String[]{"Beijing"};
        d.related = new UUID[]{UUID.randomUUID()};
        d.media = List.of(new MediaLink("https://media.example.org/scans/apf-3-65-779.pdf", "application/pdf", "Scan, 12 folios"));
        return d;
    }
}
