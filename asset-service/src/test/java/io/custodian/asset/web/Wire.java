package io.custodian.asset.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests as the negative test sends them: exact bytes (percent-escapes, JSON escapes, content
 * types) over one pooled HTTP/1.1 client, or over a plain socket for what an HTTP client refuses to
 * send (over-long request lines and headers).
 */
final class Wire {

    /** One request: {@code target} is the raw path and query, sent as written. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        static Request of(String method, String target) {
            return new Request(method, target, new LinkedHashMap<>(), null);
        }

        Request header(String name, String value) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return new Request(method, target, headers, body);
        }

        Request body(String contentType, String text) {
            return new Request(method, target, headers, text.getBytes(StandardCharsets.UTF_8))
                    .header("Content-Type", contentType);
        }

        Request target(String target) {
            return new Request(method, target, headers, body);
        }

        Request method(String method) {
            return new Request(method, target, headers, body);
        }

        Request withoutToken() {
            return header("Authorization", null);
        }

        String describe() {
            StringBuilder s = new StringBuilder(method).append(' ').append(abbreviate(target, 160));
            headers.forEach(
                    (name, value) -> {
                        if (!name.equals("Authorization")) {
                            s.append(" | ").append(name).append(": ").append(abbreviate(value, 80));
                        }
                    });
            s.append(headers.containsKey("Authorization") ? " | with token" : " | no token");
            if (body != null) {
                s.append(" | body ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 200));
            }
            return s.toString();
        }
    }

    /** What came back: the status (0 if nothing did, with {@code failure} saying why). */
    record Answer(int status, Map<String, String> headers, String body, String failure) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        String describe() {
            if (status == 0) {
                return "no answer (" + failure + ")";
            }
            return status
                    + " "
                    + (contentType().isEmpty() ? "<no content type>" : contentType())
                    + " "
                    + (body.isEmpty() ? "<empty body>" : abbreviate(body, 300));
        }
    }

    private final URI root;
    private final HttpClient client;

    Wire(URI root) {
        this.root = root;
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    Answer send(Request request) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base() + request.target()))
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                request.method(),
                                request.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        IOException last = null;
        // a pooled connection the server closed a moment ago fails before the request is sent
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<byte[]> response =
                        client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new TreeMap<>();
                response.headers()
                        .map()
                        .forEach(
                                (name, values) ->
                                        headers.put(
                                                name.toLowerCase(Locale.ROOT),
                                                String.join(", ", values)));
                return new Answer(
                        response.statusCode(),
                        headers,
                        new String(response.body(), StandardCharsets.UTF_8),
                        null);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, Map.of(), "", "interrupted");
            }
        }
        return new Answer(
                0, Map.of(), "", last.getClass().getSimpleName() + ": " + last.getMessage());
    }

    /** The request written byte for byte on a fresh socket ({@code Connection: close}). */
    Answer raw(Request request) {
        StringBuilder head =
                new StringBuilder()
                        .append(request.method())
                        .append(' ')
                        .append(request.target())
                        .append(" HTTP/1.1\r\nHost: ")
                        .append(root.getHost())
                        .append(':')
                        .append(root.getPort())
                        .append("\r\nConnection: close\r\n");
        request.headers().forEach((n, v) -> head.append(n).append(": ").append(v).append("\r\n"));
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (request.body() != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException writeFailed) {
                // the server may answer and close before it read everything: read what it said
            }
            return parse(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(
                    0, Map.of(), "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // whatever arrived is the answer
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (text.isEmpty()) {
            return new Answer(
                    0, Map.of(), "", "the server closed the connection without an answer");
        }
        String headText = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = headText.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Answer(0, headers, body, "not an HTTP answer: " + abbreviate(text, 100));
        }
        return new Answer(status, headers, body, null);
    }

    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int eol = head.indexOf("\r\n", length + 2);
            long expected =
                    Long.parseLong(
                            head.substring(length + 17, eol < 0 ? head.length() : eol).trim());
            return bytes.length - (end + 4) >= expected;
        }
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("0\r\n\r\n");
        }
        return false; // until the server closes
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private String base() {
        String s = root.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String abbreviate(String s, int max) {
        StringBuilder printable = new StringBuilder(s.length());
        s.chars()
                .forEach(
                        c -> {
                            if (c == '\r') {
                                printable.append("\\r");
                            } else if (c == '\n') {
                                printable.append("\\n");
                            } else if (c < 0x20 || c == 0x7f) {
                                printable.append(String.format("\\u%04x", c));
                            } else {
                                printable.append((char) c);
                            }
                        });
        String flat = printable.toString();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /**
     * JSON text written by hand, so a lone surrogate goes out as the escape {@code \ud800} (a JSON
     * library would refuse it or replace it) and control characters as escapes.
     */
    static String json(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else {
            out.append(node.toString()); // numbers, booleans, null
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
