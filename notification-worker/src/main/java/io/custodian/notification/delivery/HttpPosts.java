package io.custodian.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * The POST of the chat and webhook channels: a non-blocking Vert.x web client that follows no
 * redirect and gives up after the attempt timeout (connecting and answering), the answer judged by
 * {@link HttpAnswers}, a failure's text without the URL's secret path.
 */
final class HttpPosts {

    private final WebClient client;
    private final long timeoutMillis;

    HttpPosts(Vertx vertx, String userAgent, Duration attemptTimeout) {
        this.timeoutMillis = attemptTimeout.toMillis();
        this.client =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setUserAgent(userAgent)
                                .setConnectTimeout((int) timeoutMillis)
                                .setFollowRedirects(false));
    }

    /**
     * Posts to {@code url} what {@code send} puts on the request (headers, body); {@code target}
     * names the receiver in the failure ({@code chat target leadership}).
     */
    Uni<Void> post(
            String target, URI url, Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        return send.apply(client.postAbs(url.toString()).timeout(timeoutMillis))
                .map(response -> HttpAnswers.accepted(target, response))
                .onFailure()
                .transform(e -> HttpAnswers.redacted(e, url));
    }

    /** The failure of a send to a target that is known but has no URL. */
    static Uni<Void> noUrl(String target) {
        return Uni.createFrom().failure(new IllegalStateException(target + " has no URL"));
    }

    void close() {
        client.close();
    }
}
