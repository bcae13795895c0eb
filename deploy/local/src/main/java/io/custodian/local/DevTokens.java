package io.custodian.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Development JWTs, signed RS256 with JDK classes only, as the services expect them from an
 * identity provider: {@code iss} = {@link #ISSUER}, {@code aud} = {@link #AUDIENCE}, {@code sub} =
 * {@code upn} = {@code email} = the e-mail address, {@code email_verified} = true, {@code groups} =
 * the roles, {@code iat}, {@code exp} (default 12 h), a random {@code jti}. Accepted by
 * quarkus-smallrye-jwt with {@code mp.jwt.verify.publickey.location=<dir>/ public.pem} (or the key
 * as {@code mp.jwt.verify.publickey}) and {@code
 * mp.jwt.verify.issuer=https://custodian.local/issuer}; roles come from {@code groups}.
 *
 * <p>The key pair lives as PEM files in a directory: {@code private.pem} (PKCS#8) and {@code
 * public.pem} (X.509 SubjectPublicKeyInfo), created (RSA 2048) when missing. The private key is the
 * single source of truth: it is published atomically (no-clobber), so processes or class loaders
 * racing to create the pair all end up with the same key, and {@code public.pem} is derived from
 * it.
 *
 * <p>This file runs on its own as a single-file source program, so it references no other class of
 * the project and no library:
 *
 * <pre>
 * java deploy/local/src/main/java/io/custodian/local/DevTokens.java ROLE EMAIL [KEY_DIR]
 * </pre>
 *
 * prints only the token; {@code ROLE} may be a comma-separated list; {@code KEY_DIR} defaults to
 * env {@code CUSTODIAN_JWT_DIR}, else {@code deploy/local/.data/jwt}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://custodian.local/issuer";

    /** The audience ({@code aud}) the services accept by default. */
    public static final String AUDIENCE = "custodian";

    public static final Duration DEFAULT_TTL = Duration.ofHours(12);

    /** A claim value for {@link #token(Set, String, Map)}: leave this claim out. */
    public static final Object ABSENT = new Object();

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    /** Where {@link #forTests()} keeps its keys, relative to the working directory. */
    public static final Path TEST_KEY_DIR = Path.of("target", "dev-jwt");

    private static final String DEFAULT_KEY_DIR = "deploy/local/.data/jwt";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Path dir;
    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;

    private DevTokens(Path dir, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.dir = dir;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * Loads the key pair from {@code dir}, creating an RSA-2048 pair (and {@code dir}) if missing.
     */
    public static DevTokens loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                createPrivateKey(privateFile);
            }
            RSAPrivateCrtKey privateKey = readPrivateKey(privateFile);
            RSAPublicKey publicKey =
                    (RSAPublicKey)
                            KeyFactory.getInstance("RSA")
                                    .generatePublic(
                                            new RSAPublicKeySpec(
                                                    privateKey.getModulus(),
                                                    privateKey.getPublicExponent()));
            DevTokens tokens = new DevTokens(dir, privateKey, publicKey);
            tokens.writePublicKeyIfStale();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable key in " + dir, e);
        }
    }

    /**
     * The keys shared by a module's tests: {@code target/dev-jwt} under the working directory (the
     * module directory under Surefire), so a test resource and a test class in different class
     * loaders use the same pair.
     */
    public static DevTokens forTests() {
        return loadOrCreate(TEST_KEY_DIR);
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The public key's base64 DER without PEM header lines, one line. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    public Path privateKeyFile() {
        return dir.resolve(PRIVATE_KEY_FILE);
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /**
     * A token for {@code email} with the given role (or comma-separated roles), valid {@link
     * #DEFAULT_TTL}.
     */
    public String token(String role, String email) {
        Set<String> groups = new TreeSet<>();
        for (String r : role.split(",")) {
            if (!r.isBlank()) {
                groups.add(r.trim());
            }
        }
        return token(groups, email, DEFAULT_TTL);
    }

    /**
     * A token for {@code email} in {@code groups}, valid {@code ttl} (negative = already expired).
     */
    public String token(Set<String> groups, String email, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        return token(groups, email, Map.of("iat", now, "exp", now + ttl.getSeconds()));
    }

    /**
     * A token for {@code email} in {@code groups} whose claims are the usual ones with {@code
     * changes} applied: a claim set to a value (a string, number, boolean or list of strings)
     * replaces or adds it, one set to {@link #ABSENT} is left out. For tests of tokens an identity
     * provider might issue, or an attacker might forge with the right key.
     */
    public String token(Set<String> groups, String email, Map<String, Object> changes) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", email);
        claims.put("upn", email);
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("groups", List.copyOf(new TreeSet<>(groups)));
        claims.put("iat", now);
        claims.put("exp", now + DEFAULT_TTL.getSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(changes);
        claims.values().removeIf(ABSENT::equals);
        StringBuilder json = new StringBuilder("{");
        claims.forEach(
                (name, value) -> {
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append(json(name)).append(':').append(jsonValue(value));
                });
        json.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = b64url(header) + "." + b64url(json.toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(jsonValue(item));
            }
            return out.append(']').toString();
        }
        return json(String.valueOf(value));
    }

    /** {@code ROLE EMAIL [KEY_DIR]}: prints the token, nothing else. */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println(
                    "usage: java DevTokens.java ROLE[,ROLE...] EMAIL [KEY_DIR]\n"
                            + "  KEY_DIR defaults to $CUSTODIAN_JWT_DIR or "
                            + DEFAULT_KEY_DIR);
            System.exit(2);
        }
        String keyDir = args.length == 3 ? args[2] : System.getenv("CUSTODIAN_JWT_DIR");
        if (keyDir == null || keyDir.isBlank()) {
            keyDir = DEFAULT_KEY_DIR;
        }
        System.out.println(loadOrCreate(Path.of(keyDir)).token(args[0], args[1]));
    }

    private static void createPrivateKey(Path privateFile)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmp = Files.createTempFile(privateFile.getParent(), ".private-", ".pem.tmp");
        try {
            setPermissions(tmp, "rw-------");
            Files.writeString(
                    tmp,
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            try {
                // a hard link is an atomic no-clobber publish: the first creator wins
                Files.createLink(privateFile, tmp);
            } catch (FileAlreadyExistsException lost) {
                // another process or class loader was first; use its key
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(privateFile)) {
                    Files.move(tmp, privateFile);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static RSAPrivateCrtKey readPrivateKey(Path file)
            throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(stripPem(pem));
        return (RSAPrivateCrtKey)
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private void writePublicKeyIfStale() throws IOException {
        Path file = publicKeyFile();
        String pem = publicKeyPem();
        if (Files.exists(file) && pem.equals(Files.readString(file, StandardCharsets.US_ASCII))) {
            return;
        }
        Path tmp = Files.createTempFile(dir, ".public-", ".pem.tmp");
        try {
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            setPermissions(tmp, "rw-r--r--");
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void setPermissions(Path file, String permissions) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
    }

    private static String stripPem(String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
            if (!line.startsWith("-----")) {
                body.append(line.trim());
            }
        }
        return body.toString();
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String b64url(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal. */
    /**
     * A JSON string literal of {@code value}: quotes, backslashes and control characters escaped.
     */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
