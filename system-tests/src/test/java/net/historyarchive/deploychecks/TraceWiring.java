package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry Collector's configuration (compose/otel-collector/config.yaml, used by docker
 * compose and the k8s dev overlay): what the services must point at and where the collector sends.
 */
record TraceWiring(int grpcPort, int httpPort, String exporterEndpoint, int healthPort) {

    static final String CONFIG = "compose/otel-collector/config.yaml";

    static TraceWiring read() {
        JsonNode config = Repo.yaml(CONFIG);
        JsonNode protocols = config.path("receivers").path("otlp").path("protocols");
        JsonNode traces = config.path("service").path("pipelines").path("traces");
        assertThat(traces.path("receivers").toString()).as("the traces pipeline takes OTLP").contains("\"otlp\"");
        assertThat(traces.path("exporters").size()).as("the traces pipeline exports to one place").isEqualTo(1);
        String exporter = traces.path("exporters").get(0).asText();
        JsonNode exporterConfig = config.path("exporters").path(exporter);
        assertThat(exporterConfig.isObject()).as("exporter %s is configured", exporter).isTrue();
        assertThat(config.path("service").path("extensions").toString()).contains("health_check");
        return new TraceWiring(port(protocols.path("grpc").path("endpoint").asText()), port(protocols.path("http").path("endpoint").asText()),
                exporterConfig.path("endpoint").asText(), port(config.path("extensions").path("health_check").path("endpoint").asText()));
    }

    /** Checks a service's OTLP settings (environment) point at the collector {@code host}, on the port of their protocol. */
    void assertServicePointsAt(String service, String sdkDisabled, String endpoint, String protocol, String host) {
        assertThat(sdkDisabled).as("%s: traces switched on", service).isEqualTo("false");
        URI uri = URI.create(endpoint);
        assertThat(uri.getHost()).as("%s: OTLP endpoint host", service).isEqualTo(host);
        boolean http = "http/protobuf".equals(protocol);
        assertThat(protocol).as("%s: OTLP protocol", service).isIn(null, "grpc", "http/protobuf");
        assertThat(uri.getPort()).as("%s: the collector's OTLP %s port", service, http ? "HTTP" : "gRPC")
                .isEqualTo(http ? httpPort : grpcPort);
    }

    private static int port(String endpoint) {
        assertThat(endpoint).as("an endpoint host:port").matches(".+:\\d+");
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }
}
