package net.historyarchive.search.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real HTTP server answering as catalog-service's public API does, for the consistency check:
 * {@code GET /api/v1/changes} (one page from {@code changes.json}, then an empty page at the
 * cursor it returned) and {@code GET /api/v1/documents/{id}} ({@code documents/<id>.json}, else 404).
 * The files live in a directory named by the system property {@value #DIRECTORY} (the test and
 * this resource may see different class loaders, never different system properties).
 */
public class FakeCatalog implements QuarkusTestResourceLifecycleManager {

    static final String DIRECTORY = "archive.test.fake-catalog.dir";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("fake-catalog");
            Files.createDirectories(directory.resolve("documents"));
            Files.writeString(directory.resolve("changes.json"), "{\"changes\":[],\"nextCursor\":\"end\"}");
            System.setProperty(DIRECTORY, directory.toString());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/changes", exchange -> {
                boolean firstPage = exchange.getRequestURI().getQuery() == null || !exchange.getRequestURI().getQuery().contains("cursor=");
                send(exchange, 200, firstPage ? Files.readString(directory.resolve("changes.json")) : "{\"changes\":[],\"nextCursor\":\"end\"}");
            });
            server.createContext("/api/v1/documents/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/api/v1/documents/".length());
                Path document = directory.resolve("documents").resolve(id.replaceAll("[^0-9a-f-]", "") + ".json");
                if (Files.exists(document)) {
                    send(exchange, 200, Files.readString(document));
                } else {
                    send(exchange, 404, "{\"type\":\"urn:historyarchive:problem:not-found\",\"status\":404}");
                }
            });
            server.start();
            return Map.of("archive.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
