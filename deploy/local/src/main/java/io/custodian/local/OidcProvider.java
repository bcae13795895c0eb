package io.custodian.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real OpenID Connect provider for the local run and the console's tests: {@code
 * no.nav.security:mock-oauth2-server} started as its own process (its Kotlin and Netty stay off the
 * services' classpaths), from this module's {@code target/lib}. One issuer, {@link #ISSUER_ID};
 * every token names {@code aud} = {@link DevTokens#AUDIENCE} (the client id the services use).
 *
 * <p>Its sign-in page lists the demo {@link User}s, one button each: a button posts the user's name
 * as subject and their {@code email}, {@code email_verified} and {@code groups} claims, as the
 * provider's own login form would.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String ISSUER_ID = "custodian";
    public static final String MAIN = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";

    /** A person who can sign in: their label on the sign-in page, e-mail and groups (roles). */
    public record User(String label, String email, List<String> groups) {}

    /** The local run's people, one per role the policy names. */
    public static final List<User> DEMO_USERS =
            List.of(
                    new User("Alex Employee", "alex@example.com", List.of("employee")),
                    new User("Iris IT admin", "it@example.com", List.of("asset-admin", "employee")),
                    new User("Cora CEO", "ceo@example.com", List.of("leadership", "employee")),
                    new User("Theo CTO", "cto@example.com", List.of("leadership", "employee")),
                    new User("Ada Auditor", "auditor@example.com", List.of("auditor")),
                    new User("Hana HR", "hr@example.com", List.of("hr-system")));

    private final Process process;
    private final int port;

    private OidcProvider(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the provider on {@code port} (0: a free one) with these users, its files in {@code
     * dir}; returns once its discovery document is served.
     */
    public static OidcProvider start(int port, List<User> users, Path dir) {
        try {
            int chosen = port == 0 ? freePort() : port;
            Files.createDirectories(dir);
            Path login = dir.resolve("login.html");
            Files.writeString(login, loginPage(users), StandardCharsets.UTF_8);
            Path libs = libs();
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    javaBinary(),
                                    "-Xmx128m",
                                    "-cp",
                                    libs.toAbsolutePath() + "/*",
                                    MAIN)
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("oidc-provider.log").toFile());
            builder.environment().put("SERVER_PORT", String.valueOf(chosen));
            builder.environment().put("JSON_CONFIG", config(login));
            OidcProvider provider = new OidcProvider(builder.start(), chosen);
            provider.awaitReady(Duration.ofSeconds(60));
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The local run's provider ({@code deploy/local/run.sh}): {@code PORT DIR}, with {@link
     * #DEMO_USERS}; runs until stopped (SIGTERM stops the provider's process too).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8088;
        Path dir = Path.of(args.length > 1 ? args[1] : "deploy/local/.data/oidc");
        OidcProvider provider = start(port, DEMO_USERS, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        System.out.println("OIDC PROVIDER READY " + provider.issuer());
        provider.process.waitFor();
    }

    /** The issuer URL ({@code iss}), also quarkus-oidc's {@code auth-server-url}. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String config(Path loginPage) {
        return "{\"interactiveLogin\":true,\"httpServer\":\"NettyWrapper\",\"loginPagePath\":"
                + DevTokens.json(loginPage.toAbsolutePath().toString())
                + ",\"tokenCallbacks\":[{\"issuerId\":\""
                + ISSUER_ID
                + "\",\"tokenExpiry\":3600,\"requestMappings\":[{\"requestParam\":\"grant_type\","
                + "\"match\":\"*\",\"claims\":{\"aud\":[\""
                + DevTokens.AUDIENCE
                + "\"]}}]}]}";
    }

    static String loginPage(List<User> users) {
        String forms =
                users.stream()
                        .map(
                                user ->
                                        "<form method=\"post\"><input type=\"hidden\""
                                                + " name=\"username\" value=\""
                                                + html(user.email())
                                                + "\"><input type=\"hidden\" name=\"claims\""
                                                + " value=\""
                                                + html(claims(user))
                                                + "\"><button type=\"submit\">Sign in as "
                                                + html(user.label())
                                                + " <small>"
                                                + html(user.email())
                                                + " · "
                                                + html(String.join(", ", user.groups()))
                                                + "</small></button></form>")
                        .collect(Collectors.joining("\n"));
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta"
                   + " name=\"viewport\" content=\"width=device-width,"
                   + " initial-scale=1\"><title>Sign in — local identity"
                   + " provider</title><style>body{font:16px"
                   + " sans-serif;margin:1rem}button{display:block;width:100%;min-height:48px;margin:.5rem"
                   + " 0;text-align:left;"
                   + "font-size:1rem}small{display:block;color:#444}</style></head><body><main><h1>Sign"
                   + " in</h1><p>Local identity provider (mock-oauth2-server): choose a demo"
                   + " user.</p>\n"
                + forms
                + "\n</main></body></html>\n";
    }

    static String claims(User user) {
        return "{\"email\":"
                + DevTokens.json(user.email())
                + ",\"email_verified\":true,\"name\":"
                + DevTokens.json(user.label())
                + ",\"groups\":["
                + user.groups().stream().map(DevTokens::json).collect(Collectors.joining(","))
                + "]}";
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the OIDC provider exited with " + process.exitValue());
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) discovery.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100); // polling a starting process, no test synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the OIDC provider did not start within " + timeout);
    }

    /** {@code target/lib} beside this module's classes (or jar), where the build copies it. */
    static Path libs() {
        List<Path> tried = new ArrayList<>();
        String configured = System.getenv("CUSTODIAN_OIDC_PROVIDER_LIB");
        if (configured != null) {
            tried.add(Path.of(configured));
        }
        try {
            var source = OidcProvider.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path target = Path.of(source.getLocation().toURI()).getParent();
                if (target != null) {
                    tried.add(target.resolve("lib"));
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        tried.add(Path.of("deploy/local/target/lib"));
        for (Path dir : tried) {
            if (Files.isDirectory(dir)) {
                try (var jars = Files.list(dir)) {
                    if (jars.anyMatch(
                            jar -> jar.getFileName().toString().startsWith("mock-oauth2-server"))) {
                        return dir;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                "mock-oauth2-server not found (build deploy/local: ./mvnw package -pl"
                        + " deploy/local); tried "
                        + tried);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String html(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
