package org.carebook.smart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The checks SMART Backend Services asks of a client's assertion: signed (RS384 or ES384) by one of the client's
 * keys, issued by and about the client ({@code iss} = {@code sub} = client id), meant for this token endpoint
 * ({@code aud}), not expired and expiring within five minutes, with a {@code jti} (whose single use the caller
 * records). Times are read against the given instant, not the machine's clock.
 */
final class AssertionCheck {

    static final Duration LONGEST = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(30);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

    /** An assertion that fails a check, with the reason the token endpoint may say. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    private AssertionCheck() {}

    /** The client id an assertion claims to come from, read before its signature can be checked. */
    static String issuer(String assertion) throws Refused {
        try {
            String issuer = SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer();
            if (issuer == null) {
                throw new Refused("the assertion names no issuer");
            }
            return issuer;
        } catch (ParseException e) {
            throw new Refused("the assertion is not a signed JWT");
        }
    }

    /** The verified claims, or why not. */
    static JWTClaimsSet verified(String assertion, String clientId, JWKSet keys, String audience, Instant now)
            throws Refused {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> check(claims, clientId, audience, now));
        try {
            return processor.process(assertion, null);
        } catch (BadJWTException e) {
            throw new Refused(e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Refused("the assertion's signature is not from a key of this client (RS384 or ES384)");
        }
    }

    private static void check(JWTClaimsSet claims, String clientId, String audience, Instant now)
            throws BadJWTException {
        if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
            throw new BadJWTException("the assertion's iss and sub must both be the client id");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new BadJWTException("the assertion's aud must be " + audience);
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(SKEW).isAfter(now)) {
            throw new BadJWTException("the assertion has expired");
        }
        if (expires.toInstant().isAfter(now.plus(LONGEST).plus(SKEW))) {
            throw new BadJWTException("the assertion must expire within five minutes");
        }
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw new BadJWTException("the assertion has no jti");
        }
    }
}
