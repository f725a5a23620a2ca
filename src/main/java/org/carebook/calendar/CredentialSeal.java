package org.carebook.calendar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals a linked calendar's password so that a copy of the database alone does not give it away: AES-256-GCM
 * under a key that is not in the database, with the link's id as associated data, so a sealed secret copied onto
 * another link does not open.
 */
@Component
class CredentialSeal {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkSettings settings;
    private SecretKeySpec key;

    CredentialSeal(LinkSettings settings) {
        this.settings = settings;
        if (given(settings)) {
            key(); // a malformed key stops the start, not the first link
        }
    }

    /** Thrown when a sealed secret does not open: another key, or a row changed by hand. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super("the stored credential does not open with this server's key", cause);
        }
    }

    byte[] seal(String linkId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, linkId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String open(String linkId, byte[] sealed) throws Unreadable {
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            var cipher = cipher(Cipher.DECRYPT_MODE, linkId, nonce);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    private Cipher cipher(int mode, String linkId, byte[] nonce) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(linkId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The key, read when first needed: a server whose clinicians link no calendar with a password writes none. */
    private synchronized SecretKeySpec key() {
        if (key == null) {
            byte[] bytes = given(settings)
                    ? decoded(settings.credentialsKey().strip())
                    : keptIn(settings.dataDir().resolve("credentials.key"));
            key = new SecretKeySpec(bytes, "AES");
        }
        return key;
    }

    private static boolean given(LinkSettings settings) {
        return settings.credentialsKey() != null && !settings.credentialsKey().isBlank();
    }

    private static byte[] decoded(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("CAREBOOK_CREDENTIALS_KEY must be 32 bytes in base64 "
                    + "(for example the output of: openssl rand -base64 32)");
        }
        return bytes;
    }

    /** The data directory's key, made on first use, readable by the server's user only. */
    private static byte[] keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                return decoded(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot keep the credentials key in " + file + "; set CAREBOOK_CREDENTIALS_KEY instead", e);
        }
    }
}
