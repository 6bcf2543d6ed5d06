package net.historyarchive.catalog.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import net.historyarchive.catalog.common.json.JsonTextBytes;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body that cannot be JSON text ({@link JsonTextBytes}) with a 400, checking
 * the bytes as the JSON parser reads them. The bulk import checks each line itself instead, so
 * that a bad line is reported as that line.
 */
public class JsonTextFilter {

    @ServerRequestFilter
    public void checkJsonText(ContainerRequestContext request) {
        if (request.hasEntity() && !request.getUriInfo().getPath().endsWith("/import")) {
            request.setEntityStream(new CheckedStream(request.getEntityStream()));
        }
    }

    static final class CheckedStream extends FilterInputStream {
        private final JsonTextBytes text = new JsonTextBytes();

        CheckedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            try {
                if (n > 0) {
                    text.accept(buffer, offset, n);
                } else if (n < 0) {
                    text.end();
                }
            } catch (JsonTextBytes.Malformed e) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not JSON text: " + e.getMessage());
            }
            return n;
        }
    }
}
