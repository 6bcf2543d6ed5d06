package net.historyarchive.catalog.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Archive catalog API", version = "1",
                description = """
                        The catalog of a digital archive of historical documents: the source of truth for \
                        document records and collections.

                        * Reads are public. Writes need a bearer JWT with the role `archivist`.
                        * Every read returns the record's `version` as a strong ETag. Every write (PUT, PATCH, \
                        DELETE) must send `If-Match` with that ETag: a missing If-Match is 428, a stale one 412. \
                        This makes lost updates impossible.
                        * PATCH takes a JSON merge patch (RFC 7396, `application/merge-patch+json`).
                        * Every error is RFC 9457 `application/problem+json` with a stable `type` URI and, for \
                        validation errors, an `errors` list naming each field and why it failed.
                        * Unknown JSON fields are rejected, values are never coerced between types, text is \
                        stored in Unicode NFC and may not contain control characters other than tab and newlines.""",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "Archive maintainers", url = "https://historyarchive.net/contact")),
        servers = @Server(url = "/", description = "The host that serves this document (the local run: http://localhost:18080)"),
        tags = {
                @Tag(name = "Documents", description = "Historical document records"),
                @Tag(name = "Collections", description = "Named groups of documents"),
                @Tag(name = "Import", description = "Bulk loading of documents"),
                @Tag(name = "Change feed", description = "Follow every change of the archive over HTTP"),
                @Tag(name = "Export and restore", description = "The whole catalog as NDJSON, for backups and migrations"),
                @Tag(name = "OAI-PMH", description = "Metadata harvesting for aggregators (OAI-PMH 2.0)")
        },
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "archivistJwt",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A JWT signed with the catalog's key whose `groups` claim contains `archivist` (`archive-admin` for export and restore). "
                        + "For local development: `./archive token`.")))
public class ApiDefinition extends Application {
}
