package io.custodian.local.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /q/metrics} (Prometheus text format), read as Prometheus would:
 * {@code scrape.value("custodian_outbox_published_total")}, or summed over the series whose labels
 * include the given ones: {@code scrape.value("…_bucket", "type", "asset.incident.reported", "le",
 * "+Inf")}. Also what a test profile needs to serve the management interface on a port of its own.
 */
public final class Scrape {

    private static final Pattern LINE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels, double value) {}

    private final String contentType;
    private final List<Series> series;

    private Scrape(String contentType, List<Series> series) {
        this.contentType = contentType;
        this.series = series;
    }

    /** GETs {@code url} and parses the answer; fails unless it is a 200. */
    public static Scrape of(String url) {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(url + " answered " + response.statusCode());
            }
            return parse(response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError("could not scrape " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Scrape parse(String contentType, String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            // an OpenMetrics exemplar (" # {trace_id=…} value") follows the sample: not part of it
            int exemplar = line.indexOf(" # ");
            Matcher m = LINE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(contentType, List.copyOf(series));
    }

    public String contentType() {
        return contentType;
    }

    /** True when some series of this name has all the given labels ({@code name, value, …}). */
    public boolean has(String name, String... labels) {
        return matching(name, labels).findAny().isPresent();
    }

    /** The sum of the series of this name that have all the given labels; 0 when none has. */
    public double value(String name, String... labels) {
        return matching(name, labels).mapToDouble(Series::value).sum();
    }

    /** The series of this name with their values, one a line: for an assertion's description. */
    public String describe(String name) {
        StringBuilder out = new StringBuilder();
        series.stream()
                .filter(s -> s.name.equals(name))
                .forEach(s -> out.append(s.labels).append(' ').append(s.value).append('\n'));
        return out.toString();
    }

    /** The names of the series that start with {@code prefix}, each once. */
    public java.util.Set<String> names(String prefix) {
        return series.stream()
                .map(Series::name)
                .filter(n -> n.startsWith(prefix))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The label sets of the series of this name, e.g. to check that no label holds an id. */
    public List<Map<String, String>> labelsOf(String name) {
        return series.stream().filter(s -> s.name.equals(name)).map(Series::labels).toList();
    }

    private java.util.stream.Stream<Series> matching(String name, String... labels) {
        return series.stream()
                .filter(s -> s.name.equals(name))
                .filter(
                        s -> {
                            for (int i = 0; i + 1 < labels.length; i += 2) {
                                if (!labels[i + 1].equals(s.labels.get(labels[i]))) {
                                    return false;
                                }
                            }
                            return true;
                        });
    }

    /**
     * What a {@code QuarkusTestProfile} overrides to serve health and metrics on the management
     * interface at {@code port}, as in production, and to record spans for an in-memory exporter
     * (the SDK on, the OTLP exporter off, each span exported as it ends).
     */
    public static Map<String, String> managementAndTracing(int port) {
        return Map.of(
                "quarkus.management.enabled", "true",
                "quarkus.management.test-port", String.valueOf(port),
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.simple", "true");
    }

    /** A port free at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
