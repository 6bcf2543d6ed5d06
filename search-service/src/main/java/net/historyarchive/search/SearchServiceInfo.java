package net.historyarchive.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Placeholder root until the search API exists (issue: search service); says what this service is. */
@Path("/api/v1")
public class SearchServiceInfo {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> info() {
        return Map.of("service", "search-service", "status", "the search API is not built yet");
    }
}
