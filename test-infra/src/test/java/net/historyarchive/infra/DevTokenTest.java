package net.historyarchive.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokenIsSignedWithTheDevKeyAndCarriesTheClaims() throws Exception {
        long before = Instant.now().getEpochSecond();
        String token = DevToken.mint("ada", List.of("archivist", "reader"), Duration.ofMinutes(30));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "RS256 signature verifies with public.pem");

        JsonNode header = decode(parts[0]);
        assertEquals("RS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());

        JsonNode claims = decode(parts[1]);
        assertEquals("archive-dev", claims.get("iss").asText());
        assertEquals("ada", claims.get("sub").asText());
        assertEquals("ada", claims.get("upn").asText());
        assertEquals(List.of("archivist", "reader"),
                List.of(claims.get("groups").get(0).asText(), claims.get("groups").get(1).asText()));
        long iat = claims.get("iat").asLong();
        assertTrue(iat >= before && iat <= Instant.now().getEpochSecond());
        assertEquals(iat + 1800, claims.get("exp").asLong());
        assertFalse(claims.get("jti").asText().isBlank());
    }

    @Test
    void archivistTokenLastsEightHoursAndEachTokenHasItsOwnJti() throws Exception {
        JsonNode a = decode(DevToken.archivist().split("\\.")[1]);
        JsonNode b = decode(DevToken.archivist().split("\\.")[1]);
        assertEquals(8 * 3600, a.get("exp").asLong() - a.get("iat").asLong());
        assertEquals("archivist", a.get("groups").get(0).asText());
        assertNotEquals(a.get("jti").asText(), b.get("jti").asText());
    }

    @Test
    void escapesJsonInClaims() throws Exception {
        JsonNode claims = decode(DevToken.mint("a \"quoted\"\\name", List.of("x"), Duration.ofSeconds(5)).split("\\.")[1]);
        assertEquals("a \"quoted\"\\name", claims.get("sub").asText());
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static PublicKey publicKey() throws Exception {
        try (InputStream in = DevTokenTest.class.getClassLoader().getResourceAsStream("dev-keys/public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), "X.509 SubjectPublicKeyInfo PEM");
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }
}
