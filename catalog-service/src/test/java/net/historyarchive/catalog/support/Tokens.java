package net.historyarchive.catalog.support;

import net.historyarchive.infra.DevToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Bearer tokens signed with the development key, as an archivist and as a mere reader. */
public final class Tokens {

    private Tokens() {
    }

    public static String archivist() {
        return "Bearer " + DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(1));
    }

    public static String reader() {
        return "Bearer " + DevToken.mint("test-reader", List.of("reader"), Duration.ofHours(1));
    }

    /** An archivist token that expired an hour ago (well beyond any clock-skew allowance). */
    public static String expiredArchivist() {
        return "Bearer " + DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(-1));
    }

    /** An archivist token whose signature no longer matches its claims. */
    public static String tamperedArchivist() {
        String token = DevToken.mint("test-archivist", List.of("archivist"), Duration.ofHours(1));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        return "Bearer " + token.substring(0, token.lastIndexOf('.') + 1)
                + signature.substring(0, 10) + flipped + signature.substring(11);
    }

    /** A correctly signed archivist token whose iat lies an hour in the future (a forged or mis-clocked issuer). */
    public static String issuedInTheFuture() {
        long later = Instant.now().getEpochSecond() + 3600;
        String claims = "{\"iss\":\"" + DevToken.ISSUER + "\",\"sub\":\"test-archivist\",\"upn\":\"test-archivist\","
                + "\"groups\":[\"archivist\"],\"iat\":" + later + ",\"exp\":" + (later + 3600) + "}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try (InputStream pem = Tokens.class.getClassLoader().getResourceAsStream(DevToken.KEY_RESOURCE)) {
            String key = new String(pem.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key))));
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + input + "." + base64.encodeToString(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
