package net.historyarchive.search.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Archive search API", version = "1",
                description = """
                        Full-text search over a digital archive of historical documents: the read side of \
                        the archive, fed by the catalog's change events.

                        * Every read is public (`security: []`); only the administration operations need a \
                        bearer JWT with the role `archive-admin`.
                        * Search and suggestion answers carry a weak ETag and `Cache-Control`; send the ETag back \
                        in `If-None-Match` to get 304 when nothing changed. Browsers on any origin may call the \
                        reads (CORS).
                        * Limits: a request target (path and query string) of at most 8 KiB (longer: 414), each \
                        parameter value at most 500 characters (`cursor` excepted), `size` up to 100 and \
                        page × size up to 10,000 (deeper: use `cursor`).
                        * Every error is RFC 9457 `application/problem+json` with a stable `type` URI; \
                        invalid parameters are listed in `errors` as `{field, message}`, all at once.""",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "Archive maintainers", url = "https://historyarchive.net/contact")),
        servers = @Server(url = "/", description = "The host that serves this document (the local run: http://localhost:18081)"),
        tags = {
                @Tag(name = "Search", description = "Full-text search and suggestions"),
                @Tag(name = "Documents", description = "Documents as the search view holds them"),
                @Tag(name = "Freshness", description = "How far the view is behind the catalog"),
                @Tag(name = "Administration", description = "Rebuild and consistency check of the view (role archive-admin)")
        })
public class ApiDefinition extends Application {
}
