package io.custodian.asset.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a JSON body far over the limit, with no length given (chunked HTTP/1.1, or HTTP/2 without
 * TLS by prior knowledge), as fast as the server reads it, and reports the answer, how much of the
 * body had gone out when it came, and how much the heap of this JVM (the service's, in a Quarkus
 * test) grew meanwhile.
 */
final class LargeBodies {

    /** Far more than the 1 MiB limit, and more than the heap could hide in young garbage. */
    static final long BODY_SIZE = 512L * 1024 * 1024;

    private static final int CHUNK = 64 * 1024;

    record BodySent(
            HttpVersion protocol,
            int status,
            String contentType,
            String body,
            long bytesSentBeforeAnswer,
            long heapGrowth) {}

    private LargeBodies() {}

    static BodySent send(URI root, HttpVersion protocol, String token) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client =
                    vertx.createHttpClient(
                            new HttpClientOptions()
                                    .setProtocolVersion(protocol)
                                    .setHttp2ClearTextUpgrade(false));
            RequestOptions options =
                    new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost(root.getHost())
                            .setPort(root.getPort())
                            .setURI("/api/v1/violations")
                            .putHeader("Authorization", "Bearer " + token)
                            .putHeader("Content-Type", "application/json");
            byte[] filler = new byte[CHUNK];
            Arrays.fill(filler, (byte) 'x');
            Buffer head = Buffer.buffer("{\"description\":\"");
            Buffer chunk = Buffer.buffer(filler);
            AtomicLong sent = new AtomicLong();
            AtomicLong sentBeforeAnswer = new AtomicLong();
            CompletableFuture<BodySent> result = new CompletableFuture<>();
            long heapBefore = resetHeapPeak();
            client.request(options)
                    .onFailure(result::completeExceptionally)
                    .onSuccess(
                            request -> {
                                // no length: chunked over HTTP/1.1, plain DATA frames over HTTP/2
                                request.setChunked(true);
                                request.response()
                                        .onSuccess(r -> sentBeforeAnswer.set(sent.get()))
                                        .compose(LargeBodies::read)
                                        .onComplete(
                                                answer -> {
                                                    if (answer.failed()) {
                                                        result.completeExceptionally(
                                                                answer.cause());
                                                        return;
                                                    }
                                                    HttpClientResponse response =
                                                            answer.result().response;
                                                    result.complete(
                                                            new BodySent(
                                                                    response.version(),
                                                                    response.statusCode(),
                                                                    response.getHeader(
                                                                            "Content-Type"),
                                                                    answer.result().body,
                                                                    sentBeforeAnswer.get(),
                                                                    heapPeak() - heapBefore));
                                                });
                                request.write(head);
                                pump(request, chunk, sent, result);
                            });
            return result.get(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private record Answer(HttpClientResponse response, String body) {}

    private static Future<Answer> read(HttpClientResponse response) {
        return response.body().map(body -> new Answer(response, body.toString()));
    }

    /** Writes as fast as the server takes it, until it answered or the whole body went out. */
    private static void pump(
            HttpClientRequest request,
            Buffer chunk,
            AtomicLong sent,
            CompletableFuture<BodySent> answered) {
        while (!answered.isDone() && !request.writeQueueFull()) {
            if (sent.get() >= BODY_SIZE) {
                request.end("\"}");
                return;
            }
            request.write(chunk);
            sent.addAndGet(chunk.length());
        }
        if (!answered.isDone()) {
            request.drainHandler(v -> pump(request, chunk, sent, answered));
        }
    }

    private static long resetHeapPeak() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
