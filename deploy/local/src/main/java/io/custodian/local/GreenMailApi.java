package io.custodian.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail's REST API ({@code com.icegreen.greenmail.standalone.GreenMailApiServerBuilder}, Jersey
 * on the JDK HTTP server) over an existing {@link GreenMail}, loaded from the shaded {@code
 * greenmail-standalone} jar in a child class loader. Parent-first delegation means GreenMail,
 * jakarta.mail, slf4j and Jackson come from the application's class path (so the API sees the very
 * same GreenMail instance); only what the application lacks (Jersey, HK2, jakarta.ws.rs, the API
 * resource) comes from the jar, which never lands on a class path.
 *
 * <p>The jar is looked up, first hit wins: system property {@code custodian.greenmail.api.jar}, env
 * {@code CUSTODIAN_GREENMAIL_API_JAR}; {@code greenmail-api/greenmail-standalone-*.jar} next to
 * this module's classes ({@code deploy/local/target/greenmail-api/}, copied there by the build);
 * the local Maven repository.
 */
final class GreenMailApi implements AutoCloseable {

    static final String JAR_PROPERTY = "custodian.greenmail.api.jar";
    private static final String VERSION = "2.1.3";
    private static final String BUILDER =
            "com.icegreen.greenmail.standalone.GreenMailApiServerBuilder";

    /**
     * Jersey warns at start-up about WADL/JAXB and the resource's provider contract; GreenMail's
     * own log4j2.xml keeps {@code org.glassfish.jersey} at ERROR, so do the same (strong reference:
     * j.u.l. forgets levels of collected loggers).
     */
    private static final java.util.logging.Logger JERSEY_LOG = quietJersey();

    private final URLClassLoader loader;
    private final Object server;
    private final int port;

    private GreenMailApi(URLClassLoader loader, Object server, int port) {
        this.loader = loader;
        this.server = server;
        this.port = port;
    }

    static GreenMailApi start(
            GreenMail greenMail,
            ServerSetup[] setups,
            GreenMailConfiguration config,
            String host,
            int port) {
        Path jar = locateJar();
        URLClassLoader loader;
        try {
            loader =
                    new URLClassLoader(
                            "greenmail-api",
                            new URL[] {jar.toUri().toURL()},
                            GreenMailApi.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey finds its providers through the context class loader; the HTTP server's
        // dispatcher thread, created by start(), inherits it.
        thread.setContextClassLoader(loader);
        try {
            Class<?> builderClass = Class.forName(BUILDER, true, loader);
            Object builder = builderClass.getConstructor().newInstance();
            Properties props = new Properties();
            props.setProperty("greenmail.api.hostname", host);
            props.setProperty("greenmail.api.port", String.valueOf(port));
            builderClass.getMethod("configure", Properties.class).invoke(builder, props);
            builderClass
                    .getMethod(
                            "withGreenMail",
                            GreenMail.class,
                            ServerSetup[].class,
                            GreenMailConfiguration.class)
                    .invoke(builder, greenMail, setups, config);
            Object server = builderClass.getMethod("build").invoke(builder);
            publicMethod(server, "start").invoke(server);
            return new GreenMailApi(loader, server, port);
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException(
                    "could not start the GreenMail API on " + host + ":" + port, e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new IllegalStateException("could not load the GreenMail API from " + jar, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static java.util.logging.Logger quietJersey() {
        java.util.logging.Logger logger =
                java.util.logging.Logger.getLogger("org.glassfish.jersey");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            publicMethod(server, "stop").invoke(server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not stop the GreenMail API", e);
        } finally {
            closeQuietly(loader);
        }
    }

    /** The server class is public, the interface it implements is not: look it up on the class. */
    private static Method publicMethod(Object target, String name) throws NoSuchMethodException {
        return target.getClass().getMethod(name);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    static Path locateJar() {
        List<Path> tried = new ArrayList<>();
        String configured =
                System.getProperty(JAR_PROPERTY, System.getenv("CUSTODIAN_GREENMAIL_API_JAR"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isRegularFile(path)) {
                return path;
            }
            tried.add(path);
        }
        Path besideClasses = besideClasses();
        if (besideClasses != null) {
            Path found = firstJar(besideClasses);
            if (found != null) {
                return found;
            }
            tried.add(besideClasses);
        }
        String repo =
                System.getProperty(
                        "maven.repo.local",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path inRepo =
                Path.of(
                        repo,
                        "com/icegreen/greenmail-standalone",
                        VERSION,
                        "greenmail-standalone-" + VERSION + ".jar");
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        tried.add(inRepo);
        throw new IllegalStateException(
                "greenmail-standalone jar not found (build deploy/local, or set -D"
                        + JAR_PROPERTY
                        + "); tried "
                        + tried);
    }

    /** {@code target/greenmail-api} when running from {@code target/classes} or the module jar. */
    private static Path besideClasses() {
        try {
            var source = GreenMailApi.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            Path target = location.getParent();
            return target == null ? null : target.resolve("greenmail-api");
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path firstJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> jars =
                Files.newDirectoryStream(dir, "greenmail-standalone-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
