package org.carebook.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed by the
 * base64 part of a {@code whsec_} secret. Several secrets (during a rotation) give several space-separated
 * signatures, any of which a receiver may check.
 */
final class Signer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signer() {}

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String signature(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, id + "." + timestamp + "." + body))
                .collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
