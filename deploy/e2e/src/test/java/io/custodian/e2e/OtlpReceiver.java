package io.custodian.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver (protobuf, {@code POST /v1/traces}) on a free loopback port, standing
 * in for the OpenTelemetry collector: both services export their spans to it ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT}), and a test reads them back.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, {@code parent} empty for a root span. */
    record Span(
            String service,
            String traceId,
            String spanId,
            String parent,
            String name,
            String kind,
            Map<String, String> attributes) {}

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip"
                    .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            HexFormat hex = HexFormat.of();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service =
                        strings(resource.getResource().getAttributesList()).get("service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                        spans.add(
                                new Span(
                                        service,
                                        hex.formatHex(span.getTraceId().toByteArray()),
                                        hex.formatHex(span.getSpanId().toByteArray()),
                                        hex.formatHex(span.getParentSpanId().toByteArray()),
                                        span.getName(),
                                        span.getKind().name(),
                                        strings(span.getAttributesList())));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Attributes as text (strings as they are, numbers and booleans spelled). */
    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream()
                .collect(
                        Collectors.toMap(
                                KeyValue::getKey,
                                kv ->
                                        switch (kv.getValue().getValueCase()) {
                                            case STRING_VALUE -> kv.getValue().getStringValue();
                                            case INT_VALUE ->
                                                    String.valueOf(kv.getValue().getIntValue());
                                            case BOOL_VALUE ->
                                                    String.valueOf(kv.getValue().getBoolValue());
                                            case DOUBLE_VALUE ->
                                                    String.valueOf(kv.getValue().getDoubleValue());
                                            default -> kv.getValue().toString();
                                        },
                                (a, b) -> b));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
