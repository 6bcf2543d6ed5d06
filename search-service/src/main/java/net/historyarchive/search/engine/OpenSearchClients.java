package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;

import java.io.IOException;
import java.net.URI;

/**
 * The one connection pool to the cluster: the typed client for searches and writes, the
 * low-level client for index administration, whose settings and mappings are a JSON file.
 */
@ApplicationScoped
public class OpenSearchClients {

    private final RestClient rest;
    private final OpenSearchClient typed;

    public OpenSearchClients(OpenSearchConfig config) {
        HttpHost[] hosts = config.url().stream().map(URI::create)
                .map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? 9200 : u.getPort(), u.getScheme())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(r -> r.setConnectTimeout(5_000).setSocketTimeout((int) config.requestTimeout().toMillis()));
        if (config.username().isPresent()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY,
                    new UsernamePasswordCredentials(config.username().get(), config.password().orElse("")));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials)
                    .setMaxConnTotal(64).setMaxConnPerRoute(64));
        } else {
            builder.setHttpClientConfigCallback(http -> http.setMaxConnTotal(64).setMaxConnPerRoute(64));
        }
        rest = builder.build();
        typed = new OpenSearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(new ObjectMapper())));
    }

    OpenSearchClient typed() {
        return typed;
    }

    RestClient rest() {
        return rest;
    }

    @PreDestroy
    void close() throws IOException {
        rest.close();
    }
}
