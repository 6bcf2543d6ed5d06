package net.historyarchive.catalog.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in /contracts conform to the schemas, and the schemas reject what they should. */
class EventContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"document-created.json", "document-updated.json", "document-deleted.json"})
    void examplesConformToTheSchemas(String example) {
        assertThat(EventContract.violations(EventContract.example(example))).isEmpty();
    }

    @Test
    void aCreatedEventMustHaveVersionOne() {
        String event = EventContract.example("document-created.json").replace("\"version\": 1,", "\"version\": 2,");
        assertThat(EventContract.violations(event)).isNotEmpty();
    }

    @Test
    void aSnapshotWithoutTitleOrWithAnUnknownFieldIsRejected() {
        String event = EventContract.example("document-updated.json");
        assertThat(EventContract.violations(event.replace("\"title\":", "\"name\":"))).isNotEmpty();
    }

    @Test
    void anUnknownEventTypeIsRejected() {
        String event = EventContract.example("document-deleted.json").replace("deleted.v1\",\n  \"subject", "removed.v1\",\n  \"subject");
        assertThat(EventContract.violations(event)).isNotEmpty();
    }
}
