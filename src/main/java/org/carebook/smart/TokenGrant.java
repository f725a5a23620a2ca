package org.carebook.smart;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carebook.kernel.Ids;
import org.carebook.kernel.PublicAddress;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token endpoint's work (OAuth 2.0 client credentials with a {@code private_key_jwt} assertion, as SMART
 * Backend Services profiles it): the client is known and active, its assertion checks out against its keys and is
 * used once, and it asks for scopes it was registered for; then a five-minute bearer token of those scopes.
 */
@Service
class TokenGrant {

    static final String PATH = "/oauth2/token";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String PREFIX = "cbt_";

    /** An OAuth error answer: its {@code error} code, description and HTTP status. */
    static final class Refused extends RuntimeException {
        final String error;
        final int status;

        Refused(String error, int status, String description) {
            super(description);
            this.error = error;
            this.status = status;
        }
    }

    /** The answer to a successful request. */
    record Token(String accessToken, long expiresIn, String scope) {}

    private final SmartClientRepository clients;
    private final ClientKeys keys;
    private final PublicAddress address;
    private final Clock clock;

    TokenGrant(SmartClientRepository clients, ClientKeys keys, PublicAddress address, Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.address = address;
        this.clock = clock;
    }

    @Transactional
    Token grant(String grantType, String assertionType, String assertion, String scope) {
        if (!"client_credentials".equals(grantType)) {
            throw new Refused("unsupported_grant_type", 400, "Only client_credentials is supported.");
        }
        if (!ASSERTION_TYPE.equals(assertionType) || assertion == null) {
            throw new Refused("invalid_client", 401, "Authenticate with a private_key_jwt client_assertion.");
        }
        Instant now = clock.instant();
        var client = authenticated(assertion, now);
        var granted = granted(client, scope);
        String token = PREFIX + Ids.random(40);
        var carebookScopes = SmartScopes.all(granted).stream().map(Scope::wire).toList();
        String grantedText = String.join(" ", granted);
        clients.insertToken(hash(token), client.view().id(), carebookScopes, grantedText, now.plus(LIFETIME));
        return new Token(token, LIFETIME.toSeconds(), grantedText);
    }

    private SmartClientRepository.Row authenticated(String assertion, Instant now) {
        try {
            String clientId = AssertionCheck.issuer(assertion);
            var client = clients.active(clientId)
                    .orElseThrow(() -> new AssertionCheck.Refused("no active client has that id"));
            String audience = address.link(PATH);
            var claims = verified(assertion, client, audience, now);
            if (!clients.firstUse(
                    clientId,
                    claims.getJWTID(),
                    claims.getExpirationTime().toInstant().plus(AssertionCheck.SKEW))) {
                throw new AssertionCheck.Refused("the assertion's jti was used before");
            }
            return client;
        } catch (AssertionCheck.Refused | ClientKeys.Unavailable e) {
            throw new Refused("invalid_client", 401, e.getMessage());
        }
    }

    /** Checks against the keys held; if none of them signed it, asks the client's JWKS address once more. */
    private com.nimbusds.jwt.JWTClaimsSet verified(
            String assertion, SmartClientRepository.Row client, String audience, Instant now)
            throws AssertionCheck.Refused, ClientKeys.Unavailable {
        JWKSet held = keys.of(client, false);
        try {
            return AssertionCheck.verified(assertion, client.view().id(), held, audience, now);
        } catch (AssertionCheck.Refused e) {
            JWKSet fresh = keys.of(client, true);
            if (fresh == held) {
                throw e;
            }
            return AssertionCheck.verified(assertion, client.view().id(), fresh, audience, now);
        }
    }

    /** The requested scopes the client may have; none of them is {@code invalid_scope}. */
    private static List<String> granted(SmartClientRepository.Row client, String scope) {
        if (scope == null || scope.isBlank()) {
            throw new Refused("invalid_scope", 400, "Ask for one or more system/ scopes.");
        }
        var registered = SmartScopes.all(client.view().scopes());
        var granted = new ArrayList<String>();
        for (String asked :
                Arrays.stream(scope.strip().split("\\s+")).distinct().toList()) {
            SmartScopes.of(asked).filter(registered::containsAll).ifPresent(s -> granted.add(asked));
        }
        if (granted.isEmpty()) {
            throw new Refused("invalid_scope", 400, "None of the scopes asked for is registered for this client.");
        }
        return granted;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
