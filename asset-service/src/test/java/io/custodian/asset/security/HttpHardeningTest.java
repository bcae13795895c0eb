package io.custodian.asset.security;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Headers on every answer, CORS closed, and the body limit of the JSON API. */
@QuarkusTest
class HttpHardeningTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void shouldSendSecurityHeadersOnApiAnswersErrorsAndOperationsEndpoints() {
        Response ok = asAdmin().get("/api/v1/assets?limit=1");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertSecure(ok);
        assertThat(ok.header("Cache-Control")).isEqualTo("no-store");

        Response unauthorized = given().get("/api/v1/assets");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertSecure(unauthorized);
        assertThat(unauthorized.header("Cache-Control")).isEqualTo("no-store");

        Response noSuchPath = given().get("/nothing-here");
        assertThat(noSuchPath.statusCode()).isEqualTo(404);
        assertSecure(noSuchPath);

        Response health = given().get("/q/health/live");
        assertThat(health.statusCode()).isEqualTo(200);
        assertSecure(health);
    }

    @Test
    void shouldAnswerNoCorsHeadersToAForeignOriginsPreflight() {
        Response preflight =
                given().header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type")
                        .options("/api/v1/incidents");
        assertThat(preflight.headers().asList())
                .noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));

        Response simple =
                given().header("Origin", "https://evil.example")
                        .auth()
                        .oauth2(token("asset-admin", "it@example.com"))
                        .get("/api/v1/assets?limit=1");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        assertThat(simple.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void shouldRefuseAJsonBodyOverTheLimitBeforeReadingIt() throws Exception {
        // only the head is sent: the verdict comes from Content-Length, before any body byte
        String answer = rawPost("Content-Length: " + (1024 * 1024 + 1));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        assertThat(answer).contains("\"status\":413").contains("/api/v1/violations");
    }

    @Test
    void shouldRefuseABodyOfUnknownLengthOnTheJsonApi() throws Exception {
        String answer = rawPost("Transfer-Encoding: chunked");
        assertThat(answer).startsWith("HTTP/1.1 411").contains("application/problem+json");
    }

    /** A POST head to the violations endpoint on a plain socket; the whole answer as text. */
    private String rawPost(String lengthHeader) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            String head =
                    "POST /api/v1/violations HTTP/1.1\r\n"
                            + "Host: localhost\r\n"
                            + "Authorization: Bearer "
                            + token("employee", "big@example.com")
                            + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + lengthHeader
                            + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // whatever arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertSecure(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
