package net.historyarchive.systemtests.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds JWTs the way an attacker would: with any header and claims, signed with the
 * DEVELOPMENT key pair (test-infra/src/main/resources/dev-keys, public on purpose), with another key,
 * with the public key as an HMAC secret, or not at all.
 */
final class ForgedTokens {

    static final String ISSUER = "archive-dev";

    private final PrivateKey devKey;
    private final PrivateKey otherKey;
    private final byte[] publicPem;

    ForgedTokens(Path devKeys) throws IOException, GeneralSecurityException {
        String pem = Files.readString(devKeys.resolve("private.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        this.devKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.otherKey = generator.generateKeyPair().getPrivate();
        this.publicPem = Files.readAllBytes(devKeys.resolve("public.pem"));
    }

    /** The claims of a valid token for these groups, to change before signing. */
    static Map<String, Object> claims(List<String> groups) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "token-abuse");
        claims.put("upn", "token-abuse");
        claims.put("groups", groups);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    /** RS256 with the development key: what the services accept when the claims are right. */
    String devSigned(Map<String, Object> header, Map<String, Object> claims) {
        return rsa(header, claims, devKey);
    }

    String otherKeySigned(Map<String, Object> claims) {
        return rsa(header("RS256"), claims, otherKey);
    }

    /** HS256 keyed with the bytes of the public key's PEM file: the classic algorithm confusion. */
    String publicKeyAsHmacSecret(Map<String, Object> claims) {
        String input = signingInput(header("HS256"), claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicPem, "HmacSHA256"));
            return input + "." + base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none} (spelled as given) and an empty signature. */
    static String unsigned(String alg, Map<String, Object> claims) {
        return signingInput(header(alg), claims) + ".";
    }

    private static String rsa(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = signingInput(header, claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
        return base64(json(header)) + "." + base64(json(claims));
    }

    static byte[] json(Map<String, Object> value) {
        try {
            return OpenApi.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
