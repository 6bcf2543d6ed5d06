package net.historyarchive.catalog.oai;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The OAI-PMH 2.0 endpoint for aggregators: GET with a query string or POST with a form (section 3.1.1). */
@Path("/oai")
@Tag(name = "OAI-PMH", description = "Metadata harvesting for aggregators (OAI-PMH 2.0)")
public class OaiResource {

    static final String XML = "text/xml; charset=UTF-8";

    private final OaiService oai;
    private final OaiConfig config;

    public OaiResource(OaiService oai, OaiConfig config) {
        this.oai = oai;
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(XML)
    @Operation(operationId = "oaiRequest", summary = "OAI-PMH request (verb and arguments in the query string)", description = """
            Verbs Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers, ListRecords. \
            Metadata formats oai_dc and archive (the whole record); sets are collections; deleted \
            records are kept (deletedRecord=persistent). Protocol errors are OAI-PMH error elements \
            with HTTP 200.""")
    @APIResponse(responseCode = "200", description = "An OAI-PMH response document")
    public Response get(@Context UriInfo uri) {
        return answer(uri.getQueryParameters(), uri);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(XML)
    @Operation(operationId = "oaiFormRequest", summary = "OAI-PMH request (verb and arguments as a form)", description = "The same protocol as the GET form, for harvesters that POST (application/x-www-form-urlencoded).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, description = "The OAI-PMH arguments, as in the query string of a GET",
                    properties = {@SchemaProperty(name = "verb", type = SchemaType.STRING),
                            @SchemaProperty(name = "identifier", type = SchemaType.STRING),
                            @SchemaProperty(name = "metadataPrefix", type = SchemaType.STRING),
                            @SchemaProperty(name = "from", type = SchemaType.STRING),
                            @SchemaProperty(name = "until", type = SchemaType.STRING),
                            @SchemaProperty(name = "set", type = SchemaType.STRING),
                            @SchemaProperty(name = "resumptionToken", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "200", description = "An OAI-PMH response document")
    public Response post(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return answer(form, uri);
    }

    @GET
    @Path(NativeRecordWriter.SCHEMA_PATH)
    @PermitAll
    @Produces("application/xml")
    @Operation(operationId = "getArchiveRecordSchema", summary = "XML Schema of the native metadata format 'archive'", description = "The schema that records in metadataPrefix=archive validate against.")
    public InputStream nativeSchema() {
        return OaiResource.class.getResourceAsStream("/oai" + NativeRecordWriter.SCHEMA_PATH);
    }

    private Response answer(MultivaluedMap<String, String> parameters, UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        OaiService.Urls urls = new OaiService.Urls(config.baseUrl().orElse(base + "/oai"),
                config.documentUrlPrefix().orElse(base + "/api/v1/documents/"));
        return Response.ok(oai.answer(parameters, urls), XML).build();
    }
}
