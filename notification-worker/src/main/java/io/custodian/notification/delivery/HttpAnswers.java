package io.custodian.notification.delivery;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** What the chat and webhook channels make of an HTTP answer: any 2xx is accepted. */
final class HttpAnswers {

    private HttpAnswers() {}

    /** Passes a 2xx; anything else becomes a failure that the dispatcher retries. */
    static Void accepted(String what, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        String body = response.bodyAsString();
        if (body != null && body.length() > 200) {
            body = body.substring(0, 200) + "…";
        }
        throw new NotAcceptedException(
                what + " answered HTTP " + status + (body == null ? "" : ": " + body));
    }

    static final class NotAcceptedException extends RuntimeException {
        NotAcceptedException(String message) {
            super(message, null, false, false);
        }
    }
}
