package net.historyarchive.catalog.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects oversized bodies with a problem+json 413 before they are read: by Content-Length when
 * the client sends one, and by counting bytes as they stream in when it does not (chunked).
 */
public class BodySizeFilter {

    private final BodyLimits limits;

    public BodySizeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        long max = request.getUriInfo().getPath().endsWith("/import") ? limits.maxImportBody() : limits.maxJsonBody();
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Content-Length is not a number");
            }
        } else {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), max));
        }
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + max + " bytes for this endpoint");
    }

    /** Fails the read once more than {@code max} bytes came through. */
    static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw tooLarge(max);
            }
        }
    }
}
