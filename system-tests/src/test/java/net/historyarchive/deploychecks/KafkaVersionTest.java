package net.historyarchive.deploychecks;

import io.fabric8.kubernetes.api.model.Container;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Kafka version for the whole project (root pom.xml {@code <kafka.version>}), and production's
 * Strimzi releases really run it.
 */
class KafkaVersionTest {

    /**
     * Kafka versions each Strimzi release supports, from kafka-versions.yaml of
     * github.com/strimzi/strimzi-kafka-operator at the release tag ("supported: true"). 4.1.2 is in
     * 1.0.0 and 1.0.1 only: 0.49-0.51 stop at 4.1.1, 1.1.0 starts at 4.2.0.
     */
    static final Map<String, List<String>> STRIMZI_SUPPORT = Map.of(
            "0.49.1", List.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"),
            "0.50.1", List.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"),
            "0.51.0", List.of("4.1.0", "4.1.1", "4.2.0"),
            "1.0.0", List.of("4.1.0", "4.1.1", "4.1.2", "4.2.0"),
            "1.0.1", List.of("4.1.0", "4.1.1", "4.1.2", "4.2.0"),
            "1.1.0", List.of("4.2.0", "4.2.1", "4.3.0"),
            "1.2.0", List.of("4.2.0", "4.2.1", "4.3.0", "4.3.1"));

    @Test
    void theCodeTheTestsAndEveryDeploymentRunTheSameKafka() {
        String kafka = ProjectVersions.kafka();
        assertThat(AppInfoParser.getVersion()).as("kafka-clients on the class path").isEqualTo(kafka);
        List<String> images = new ArrayList<>();
        images.add(ComposeFileTest.service("kafka").path("image").asText());
        images.add(ComposeFileTest.service("kafka-topics").path("image").asText());
        Rendered dev = Rendered.of("dev");
        dev.podTemplates().values().forEach(t -> t.getSpec().getContainers().stream().map(Container::getImage)
                .filter(i -> i.startsWith("apache/kafka:")).forEach(images::add));
        assertThat(images).hasSizeGreaterThanOrEqualTo(4).allSatisfy(i -> assertThat(i).isEqualTo("apache/kafka:" + kafka));
        for (Kafka k : Rendered.of("production").all(Kafka.class)) {
            assertThat(k.getSpec().getKafka().getVersion()).isEqualTo(kafka);
        }
    }

    @Test
    void theDeclaredStrimziReleasesSupportIt() {
        Matcher declared = Pattern.compile("Strimzi (\\d+\\.\\d+)\\.x \\((\\d+\\.\\d+\\.\\d+) or (\\d+\\.\\d+\\.\\d+)")
                .matcher(Repo.read("k8s/overlays/production/kustomization.yaml"));
        assertThat(declared.find()).as("production/kustomization.yaml declares its Strimzi releases").isTrue();
        for (String release : List.of(declared.group(2), declared.group(3))) {
            assertThat(release).startsWith(declared.group(1) + ".");
            assertThat(STRIMZI_SUPPORT).as("known Strimzi release %s", release).containsKey(release);
            assertThat(STRIMZI_SUPPORT.get(release)).as("Strimzi %s runs Kafka %s", release, ProjectVersions.kafka())
                    .contains(ProjectVersions.kafka());
        }
        assertThat(Repo.read("README.md")).as("README names the same Strimzi releases").contains("Strimzi " + declared.group(1) + ".x");
    }
}
