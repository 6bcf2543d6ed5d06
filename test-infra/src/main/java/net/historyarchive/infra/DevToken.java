package net.historyarchive.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 JWTs signed with the DEVELOPMENT-ONLY key in dev-keys/ (see its README).
 *
 * <p>JDK only, so it also runs as a single-file program from the repository root:
 * {@code java test-infra/src/main/java/net/historyarchive/infra/DevToken.java [--role archivist]
 * [--subject name] [--ttl-seconds N]}. Tests call {@link #mint(String, List, Duration)}.
 */
public final class DevToken {

    public static final String ISSUER = "archive-dev";
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);
    /** Where the key is when run from the repository root (single-file mode). */
    public static final Path KEY_FILE = Path.of("test-infra/src/main/resources/dev-keys/private.pem");
    /** The public half, relative to the repository root: services started by the local stack verify with it. */
    public static final Path PUBLIC_KEY_PATH = Path.of("test-infra/src/main/resources/dev-keys/public.pem");
    /** Where the key is when this class is used from the test-infra jar. */
    public static final String KEY_RESOURCE = "dev-keys/private.pem";

    private DevToken() {
    }

    public static void main(String[] args) {
        List<String> groups = new ArrayList<>();
        String subject = null;
        long ttlSeconds = DEFAULT_TTL.toSeconds();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role", "--group" -> groups.add(require(args[i], value));
                case "--subject" -> subject = require(args[i], value);
                case "--ttl-seconds" -> ttlSeconds = Long.parseLong(require(args[i], value));
                case "-h", "--help" -> {
                    System.out.println("usage: DevToken [--role R]... [--subject NAME] [--ttl-seconds N]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
            i++;
        }
        if (groups.isEmpty()) {
            groups.add("archivist");
        }
        if (subject == null) {
            subject = "dev-" + groups.get(0);
        }
        System.out.println(mint(subject, groups, Duration.ofSeconds(ttlSeconds)));
    }

    /** A token for the archivist role, valid for {@link #DEFAULT_TTL}. */
    public static String archivist() {
        return mint("dev-archivist", List.of("archivist"), DEFAULT_TTL);
    }

    /** Compact JWS: iss archive-dev, sub and upn = subject, groups, iat, exp = now + ttl, random jti. */
    public static String mint(String subject, List<String> groups, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        StringBuilder groupsJson = new StringBuilder("[");
        for (String group : groups) {
            groupsJson.append(groupsJson.length() > 1 ? "," : "").append(json(group));
        }
        groupsJson.append(']');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":" + groupsJson
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + ttl.toSeconds())
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the dev token", e);
        }
    }

    /** Reads the PKCS#8 PEM key from {@link #KEY_FILE} if present, else from the classpath. */
    static PrivateKey privateKey() throws GeneralSecurityException {
        String pem;
        try {
            if (Files.isRegularFile(KEY_FILE)) {
                pem = Files.readString(KEY_FILE);
            } else {
                try (InputStream in = DevToken.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("Dev key not found: neither ./" + KEY_FILE
                                + " (run from the repository root) nor classpath resource " + KEY_RESOURCE);
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON string literal with the escapes JSON requires. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
