package org.carebook.selfservice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A manage link's token, {@code cbm_<link id>.<key id>.<signature>}: the link names the appointment in the
 * database, and the HMAC-SHA256 signature by the named key proves the server made it, so a guessed or altered
 * token is refused whatever it names.
 */
record LinkToken(String linkId, String keyId, String signature) {

    static final String PREFIX = "cbm_";
    private static final Pattern SHAPE =
            Pattern.compile("cbm_(mlk_[0-9A-Za-z]{22})\\.(key_[0-9A-Za-z]{12})\\.([\\w-]{43})");

    static String sign(String linkId, LinkKeys.Key key) {
        return PREFIX + linkId + "." + key.id() + "." + mac(key.secret(), linkId + "." + key.id());
    }

    static Optional<LinkToken> parse(String token) {
        var match = SHAPE.matcher(token);
        return match.matches()
                ? Optional.of(new LinkToken(match.group(1), match.group(2), match.group(3)))
                : Optional.empty();
    }

    boolean signedBy(LinkKeys.Key key) {
        return MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII),
                mac(key.secret(), linkId + "." + keyId).getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(byte[] secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
