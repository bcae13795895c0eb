package io.custodian.asset.security;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.security.LargeBodies.BodySent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.http.HttpVersion;
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
    void shouldRefuseAnOverLimitChunkedBodyWithAProblemWithoutReadingIt() throws Exception {
        BodySent sent =
                LargeBodies.send(
                        root, HttpVersion.HTTP_1_1, token("employee", "chunk@example.com"));
        assertThat(sent.status()).isEqualTo(413);
        assertThat(sent.contentType()).isEqualTo("application/problem+json");
        assertThat(sent.body()).contains("\"status\":413");
        assertThat(sent.bytesSentBeforeAnswer()).isLessThan(LargeBodies.BODY_SIZE / 8);
        assertThat(sent.heapGrowth()).isLessThan(LargeBodies.BODY_SIZE / 4);
    }

    @Test
    void shouldRefuseAnOverLimitBodyOverHttp2WithoutTlsWithAProblemWithoutReadingIt()
            throws Exception {
        BodySent sent =
                LargeBodies.send(root, HttpVersion.HTTP_2, token("employee", "h2c@example.com"));
        assertThat(sent.protocol()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(sent.status()).isEqualTo(413);
        assertThat(sent.contentType()).isEqualTo("application/problem+json");
        assertThat(sent.body()).contains("\"status\":413");
        assertThat(sent.bytesSentBeforeAnswer()).isLessThan(LargeBodies.BODY_SIZE / 8);
        assertThat(sent.heapGrowth()).isLessThan(LargeBodies.BODY_SIZE / 4);
    }

    @Test
    void shouldTakeAChunkedBodyUnderTheLimit() {
        Response chunked =
                given().auth()
                        .oauth2(token("employee", "small-chunks@example.com"))
                        .contentType("application/json")
                        .body(
                                new java.io.ByteArrayInputStream(
                                        "{\"description\":\"seen on the train\"}"
                                                .getBytes(StandardCharsets.UTF_8)))
                        .post("/api/v1/violations");
        assertThat(chunked.statusCode()).as(chunked.asString()).isEqualTo(201);
    }

    @Test
    void shouldAnswerAnOverLongRequestLineOrHeaderWithAProblem() throws Exception {
        String longLine =
                rawRequest("GET /api/v1/assets?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n", "");
        assertThat(longLine).startsWith("HTTP/1.1 414").contains("application/problem+json");
        assertThat(longLine).contains("\"status\":414");

        String longHeader =
                rawRequest(
                        "GET /api/v1/assets HTTP/1.1\r\n",
                        "X-Padding: " + "b".repeat(40_000) + "\r\n");
        assertThat(longHeader).startsWith("HTTP/1.1 431").contains("application/problem+json");
        assertThat(longHeader).contains("\"status\":431");
    }

    @Test
    void shouldAnswerAnAnonymousRequest401BeforeAnyOtherCheck() {
        Response wrongType =
                given().contentType("application/json").body("{}").post("/api/v1/imports");
        assertThat(wrongType.statusCode()).isEqualTo(401);
        assertThat(wrongType.contentType()).isEqualTo("application/problem+json");
        assertThat(wrongType.header("WWW-Authenticate")).isEqualTo("Bearer");

        Response noRoute = given().get("/api/v1/no-such-thing");
        assertThat(noRoute.statusCode()).isEqualTo(401);
        assertThat(noRoute.contentType()).isEqualTo("application/problem+json");

        Response badToken =
                given().auth()
                        .oauth2("not-a-token")
                        .contentType("text/plain")
                        .body("x")
                        .post("/api/v1/violations");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.contentType()).isEqualTo("application/problem+json");

        Response scim = given().get("/scim/v2/Users");
        assertThat(scim.statusCode()).isEqualTo(401);
        assertThat(scim.contentType()).isEqualTo("application/scim+json");
        assertThat(scim.<String>path("status")).isEqualTo("401");
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415EvenWhereTheBodyIsOptional() {
        String asset =
                io.custodian.asset.Api.createAsset(
                        io.custodian.asset.Api.unique("TXT"),
                        "group",
                        io.custodian.asset.Api.createGroup(io.custodian.asset.Api.unique("G")));
        for (String operation : new String[] {"/verifications", "/checkin"}) {
            Response text =
                    given().auth()
                            .oauth2(token("asset-admin", "it@example.com"))
                            .contentType("text/plain")
                            .body("hello")
                            .post("/api/v1/assets/" + asset + operation);
            assertThat(text.statusCode()).as(operation + " " + text.asString()).isEqualTo(415);
            assertThat(text.contentType()).isEqualTo("application/problem+json");
            assertThat(text.<Integer>path("status")).isEqualTo(415);
        }
    }

    /** A POST head to the violations endpoint on a plain socket; the whole answer as text. */
    private String rawPost(String lengthHeader) throws Exception {
        return rawRequest(
                "POST /api/v1/violations HTTP/1.1\r\n",
                "Content-Type: application/json\r\n" + lengthHeader + "\r\n");
    }

    /** A request head on a plain socket (a token added); the whole answer as text. */
    private String rawRequest(String requestLine, String headers) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            String head =
                    requestLine
                            + "Host: localhost\r\n"
                            + "Authorization: Bearer "
                            + token("employee", "big@example.com")
                            + "\r\n"
                            + headers
                            + "\r\n";
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
