package io.custodian.asset.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body limit while a body is read: whatever the protocol says or doesn't say about its length
 * (chunked HTTP/1.1, HTTP/2 without {@code content-length}), no more than the limit {@link
 * HttpHardening} set for the route is read, and the request fails with a 413 problem the moment it
 * would be exceeded. Memory never holds more of a body than that.
 */
@Provider
class BodyLimit implements ReaderInterceptor {

    private static final String KEY = BodyLimit.class.getName();

    private final CurrentVertxRequest request;

    BodyLimit(CurrentVertxRequest request) {
        this.request = request;
    }

    static void set(RoutingContext rc, long maxBytes) {
        rc.put(KEY, maxBytes);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext rc = request.getCurrent();
        Long max = rc == null ? null : rc.get(KEY);
        if (max != null) {
            context.setInputStream(new Limited(context.getInputStream(), max));
        }
        return context.proceed();
    }

    private static final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
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
            int n = super.read(buffer, offset, (int) Math.min(length, max - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, max - read + 1));
            count(skipped);
            return skipped;
        }

        /**
         * Once over the limit the rest is left unread: closing the request's stream would read the
         * whole remaining body first, only to drop it. The connection closes after the answer.
         */
        @Override
        public void close() throws IOException {
            if (read <= max) {
                super.close();
            }
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }

    /**
     * An I/O failure, so that the JSON reader passes it on as it is rather than as a JSON error;
     * {@link BodyLimitMapper} answers it.
     */
    static final class TooLarge extends IOException {

        TooLarge(long max) {
            super("The request body is larger than " + max + " bytes.");
        }
    }
}
