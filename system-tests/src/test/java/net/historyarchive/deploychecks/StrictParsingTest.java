package net.historyarchive.deploychecks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict parser rejects what a lenient one would silently accept (so the overlay tests mean something). */
class StrictParsingTest {

    static HasMetadata parse(String yaml) {
        return Manifests.parse(Manifests.documents(yaml).get(0));
    }

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: %s
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      ports:
                        - containerPort: %s
                      %s
            """;

    @Test
    void acceptsAValidDeployment() {
        HasMetadata parsed = parse(DEPLOYMENT.formatted("2", "8080", "resources: {limits: {cpu: 500m}}"));
        assertThat(parsed).isInstanceOf(Deployment.class);
        assertThat(((Deployment) parsed).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void rejectsAStringWhereTheModelWantsANumber() {
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("\"2\"", "8080", "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Deployment/demo");
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("two", "8080", "")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("1", "\"8080\"", "")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsANumberOrBooleanWhereTheModelWantsAString() {
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("1", "8080", "imagePullPolicy: 1")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {PORT: 8080}\n"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {v: true}}\n"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAFieldTheModelDoesNotKnow() {
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("1", "8080", "imagePullPolicyy: Always")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("imagePullPolicyy");
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("1", "8080", "resources: {limit: {cpu: 1}}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("limit");
    }

    @Test
    void rejectsAnUnknownKindOrApiVersion() {
        assertThatThrownBy(() -> parse("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no typed model");
        assertThatThrownBy(() -> parse("apiVersion: autoscaling/v3\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no typed model");
    }

    static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: t
              labels: {strimzi.io/cluster: c}
            spec:
              %s
            """;

    @Test
    void strimziResourcesAreTypedAndStrictToo() {
        assertThat(parse(TOPIC.formatted("partitions: 6"))).isInstanceOf(KafkaTopic.class);
        assertThatThrownBy(() -> parse(TOPIC.formatted("partitions: six"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> parse(TOPIC.formatted("partition: 6")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("partition");
    }

    @Test
    void cloudNativePgClusterRequiredFieldsAreChecked() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: %s
                  imageName: ghcr.io/cloudnative-pg/postgresql:17.6
                  storage: {size: 10Gi}
                  bootstrap: {initdb: {database: app, owner: app}}
                """;
        CnpgCluster.check((io.fabric8.kubernetes.api.model.GenericKubernetesResource) parse(cluster.formatted("3")));
        assertThatThrownBy(() -> CnpgCluster.check((io.fabric8.kubernetes.api.model.GenericKubernetesResource)
                parse(cluster.formatted("\"3\"")))).isInstanceOf(AssertionError.class).hasMessageContaining("instances");
    }
}
