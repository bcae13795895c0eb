package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.net.URI;
import java.util.function.Function;

/**
 * The POST of the chat and webhook channels: a non-blocking Vert.x web client that follows no
 * redirect and gives up after the attempt timeout (connecting and answering), the answer judged by
 * {@link HttpAnswers}, a failure's text without the URL's secret path. Each channel has its own
 * (its own client and connections), closed with the channel.
 */
@Dependent
class HttpPosts {

    private final WebClient client;
    private final long timeoutMillis;

    HttpPosts(Vertx vertx, NotificationConfig config) {
        this.timeoutMillis = config.delivery().retry().attemptTimeout().toMillis();
        this.client =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setUserAgentEnabled(false)
                                .setConnectTimeout((int) timeoutMillis)
                                .setFollowRedirects(false));
    }

    /**
     * Posts to {@code url}, as {@code userAgent}, what {@code send} puts on the request (headers,
     * body); {@code target} names the receiver in the failure ({@code chat target leadership}).
     */
    Uni<Void> post(
            String userAgent,
            String target,
            URI url,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        HttpRequest<Buffer> request =
                client.postAbs(url.toString())
                        .timeout(timeoutMillis)
                        .putHeader("User-Agent", userAgent);
        return send.apply(request)
                .map(response -> HttpAnswers.accepted(target, response))
                .onFailure()
                .transform(e -> HttpAnswers.redacted(e, url));
    }

    /** The failure of a send to a target that is known but has no URL. */
    static Uni<Void> noUrl(String target) {
        return Uni.createFrom().failure(new IllegalStateException(target + " has no URL"));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
