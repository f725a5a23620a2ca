package org.carebook.smart;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Scope;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access tokens SMART backend clients get at {@code /oauth2/token}, as callers of the FHIR API: a server-side
 * client that proved it holds its private key, acting with the scopes the token grants (a secret key's standing,
 * named by the client's id in events and the audit log).
 */
@Service
public class AccessTokens {

    private final SmartClientRepository clients;
    private final Clock clock;

    AccessTokens(SmartClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Whether a bearer credential is one of these tokens (rather than an API key). */
    public static boolean isToken(String credential) {
        return credential.startsWith(TokenGrant.PREFIX);
    }

    /** The caller a live token stands for; empty for an unknown, expired or revoked one. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String token) {
        return clients.token(TokenGrant.hash(token), clock.instant())
                .map(found -> new Caller(
                        found.clientId(),
                        KeyKind.SECRET,
                        found.tenant(),
                        scopes(found.scopes()),
                        List.of(),
                        null,
                        null));
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @Transactional
    void forgetExpired() {
        clients.forgetExpired(clock.instant());
    }

    private static java.util.Set<Scope> scopes(List<String> wire) {
        var scopes = EnumSet.noneOf(Scope.class);
        wire.forEach(name -> Scope.fromWire(name).ifPresent(scopes::add));
        return scopes;
    }
}
