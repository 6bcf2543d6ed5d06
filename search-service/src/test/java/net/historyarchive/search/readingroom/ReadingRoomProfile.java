package net.historyarchive.search.readingroom;

import io.quarkus.test.junit.QuarkusTestProfile;
import net.historyarchive.infra.ArchiveInfraResource;

import java.util.List;
import java.util.Map;

/**
 * search-service with a view of its own: its own index alias and change topic, so the reading room
 * shows exactly the seed documents ("Pyongyang" gives 10, not 10 plus what other test classes
 * sent) whichever tests ran before in the same JVM.
 */
public class ReadingRoomProfile implements QuarkusTestProfile {

    static final String TOPIC = "archive.readingroom-test.v1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "archive.ingest.topic", TOPIC,
                "archive.ingest.dead-letter-topic", TOPIC + ".dlq",
                "archive.ingest.group", "readingroom-test",
                "archive.opensearch.index-prefix", "readingroom-documents");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ArchiveInfraResource.class,
                Map.of(ArchiveInfraResource.OPENSEARCH_ARG, "true")));
    }

    /** Replaces the shared SearchInfra resource with the one above (the same servers, shared per JVM). */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
