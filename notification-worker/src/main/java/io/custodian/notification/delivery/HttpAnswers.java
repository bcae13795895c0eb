package io.custodian.notification.delivery;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.net.URI;

/**
 * What the chat and webhook channels make of an HTTP answer: any 2xx is accepted; a 4xx other than
 * 408, 425 and 429 is a permanent refusal ({@link PermanentFailure}: a wrong URL, a revoked token,
 * a payload the receiver will never take); anything else is a failure that is retried.
 */
final class HttpAnswers {

    private HttpAnswers() {}

    /** Passes a 2xx; anything else becomes a failure, permanent or retried (see above). */
    static Void accepted(String what, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        String body = response.bodyAsString();
        if (body != null && body.length() > 200) {
            body = body.substring(0, 200) + "…";
        }
        String text = what + " answered HTTP " + status + (body == null ? "" : ": " + body);
        if (Faults.isPermanentHttp(status)) {
            throw new PermanentFailure(text);
        }
        throw new NotAcceptedException(text);
    }

    /**
     * The failure of a POST to this URL, its text without the URL's path and query: an incoming
     * webhook's path is its secret, and failure texts are logged and kept in the delivery log
     * (Vert.x names the request path in a timeout, for example).
     */
    static Throwable redacted(Throwable failure, URI url) {
        if (failure instanceof NotAcceptedException || failure instanceof PermanentFailure) {
            return failure;
        }
        String text = String.valueOf(failure);
        String query = url.getRawQuery();
        if (query != null && !query.isEmpty()) {
            text = text.replace(query, "…");
        }
        String path = url.getRawPath();
        if (path != null && path.length() > 1) {
            text = text.replace(path, "/…");
        }
        return new NotAcceptedException(text);
    }

    static final class NotAcceptedException extends RuntimeException {
        NotAcceptedException(String message) {
            super(message, null, false, false);
        }
    }
}
