package org.switchboard.web.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over the configured size: at once when Content-Length says so, and while reading
 * when the body is chunked, so an oversized body is never buffered whole.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class BodyLimitFilter implements ContainerRequestFilter {
    @Inject
    @ConfigProperty(name = "switchboard.http.max-body-bytes")
    long limit;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            throw new PayloadTooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Thrown from inside a read of the body; {@link JsonBodies} turns it into {@link PayloadTooLarge}. */
    static final class LimitExceeded extends IOException {
        final long limit;

        LimitExceeded(long limit) {
            super("body exceeds " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws LimitExceeded {
            read += n;
            if (read > limit) {
                throw new LimitExceeded(limit);
            }
        }
    }
}
