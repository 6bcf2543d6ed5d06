package net.historyarchive.search.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.query.CursorRejected;
import net.historyarchive.search.query.SearchRequestParser;
import net.historyarchive.search.result.Hit;
import net.historyarchive.search.service.DocumentService;
import net.historyarchive.search.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Any search as an Atom 1.0 feed (RFC 4287), newest additions first, so a researcher's feed reader
 * announces new documents on a topic. The feed's id is its own URL, so each search is one feed.
 */
@Path("/api/v1/search/feed")
@Tag(name = "Search")
public class SearchFeedResource {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";
    static final String DEFAULT_SIZE = "50";
    /** The feed has its own order (newest additions first) and one page. */
    private static final Set<String> NOT_FOR_FEED = Set.of("page", "cursor", "sort", "facets", "facetSize", "explain");

    private final SearchService search;
    private final DocumentService documents;

    public SearchFeedResource(SearchService search, DocumentService documents) {
        this.search = search;
        this.documents = documents;
    }

    @GET
    @Operation(operationId = "searchFeed", summary = "Follow a search: an Atom feed of its newest additions",
            description = "Takes the search's query and filters (as GET /api/v1/search) and lists the documents most recently added "
                    + "to the archive that match, newest first; size 1 to 100 (default 50).")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = "application/atom+xml"))
    @APIResponse(responseCode = "400", description = "An invalid search parameter, or one the feed sets itself (page, cursor, sort, facets)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@Context UriInfo uri) throws IOException {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>(uri.getQueryParameters());
        SearchParameters.refuse(parameters, NOT_FOR_FEED, "a feed lists the newest additions on one page", "The feed's parameters are not valid",
                List.of());
        parameters.putSingle("sort", "added-desc");
        parameters.putSingle("facets", "none");
        parameters.putIfAbsent("size", List.of(DEFAULT_SIZE));
        var request = SearchRequestParser.parse(parameters, search.maxPageWindow());
        List<JsonNode> entries;
        try {
            List<Hit> hits = search.search(request, "").hits();
            entries = documents.snapshots(hits.stream().map(Hit::id).toList());
        } catch (CursorRejected e) {
            throw ProblemException.invalidParameter("cursor", e.getMessage());
        }
        String base = uri.getBaseUri().toString();
        String readingRoom = base + "?" + (uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
        try {
            return Response.ok(atom(uri.getRequestUri(), readingRoom, base, uri.getQueryParameters().getFirst("q"), entries), MEDIA_TYPE).build();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static String atom(URI self, String readingRoom, String base, String q, List<JsonNode> entries) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(ATOM);
        xml.writeStartElement(ATOM, "feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", self.toString());
        element(xml, "title", "History Archive: " + (q == null || q.isBlank() ? "new documents" : q));
        element(xml, "subtitle", "The documents most recently added to the archive that match this search, newest first.");
        // a feed's updated is the newest change among its entries (or now, for a feed with none yet)
        String updated = entries.stream().map(e -> e.path("updatedAt").asText()).filter(s -> !s.isEmpty())
                .max((a, b) -> Instant.parse(a).compareTo(Instant.parse(b))).orElse(Instant.now().toString());
        element(xml, "updated", updated);
        link(xml, "self", self.toString(), "application/atom+xml");
        link(xml, "alternate", readingRoom.replace("/api/v1/search/feed", ""), "text/html");
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", "History Archive");
        xml.writeEndElement();
        element(xml, "generator", "History Archive search-service");
        for (JsonNode doc : entries) {
            xml.writeStartElement(ATOM, "entry");
            element(xml, "id", "urn:uuid:" + doc.path("id").asText());
            element(xml, "title", doc.path("title").asText());
            element(xml, "published", doc.path("createdAt").asText());
            element(xml, "updated", doc.path("updatedAt").asText());
            link(xml, "alternate", base + "documents/" + doc.path("id").asText(), "text/html");
            String date = doc.path("date").path("display").asText("");
            String summary = doc.path("summary").asText("");
            if (!date.isEmpty() || !summary.isEmpty()) {
                element(xml, "summary", date.isEmpty() ? summary : summary.isEmpty() ? date : date + ". " + summary);
            }
            for (JsonNode subject : doc.path("subjects")) {
                xml.writeEmptyElement(ATOM, "category");
                xml.writeAttribute("term", subject.asText());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
