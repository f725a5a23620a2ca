package org.carebook.smart;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.carebook.egress.UrlGuard;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMART backend clients (docs/fhir.md): registered with their public keys and the system scopes they may ask for,
 * listed, revoked. Nobody registers a client for more than they hold themselves.
 */
@Service
public class SmartClients {

    private final SmartClientRepository clients;
    private final UrlGuard guard;
    private final Clock clock;

    SmartClients(SmartClientRepository clients, UrlGuard guard, Clock clock) {
        this.clients = clients;
        this.guard = guard;
        this.clock = clock;
    }

    /** What registering a client takes: its key set as JSON, or the address of one. */
    public record Register(String name, String jwksUrl, String jwks, List<String> scopes) {}

    @Transactional
    public SmartClientView register(Caller caller, Register asked, Problems problems) {
        problems.requireText("name", asked.name());
        if ((asked.jwksUrl() == null) == (asked.jwks() == null)) {
            problems.add("jwksUrl", "give jwks_url or jwks, not both");
        } else if (asked.jwksUrl() != null) {
            guard.refusal(asked.jwksUrl()).ifPresent(why -> problems.add("jwksUrl", why));
        }
        if (asked.scopes() == null || asked.scopes().isEmpty()) {
            problems.add("scopes", Problems.REQUIRED);
        } else {
            for (int i = 0; i < asked.scopes().size(); i++) {
                if (SmartScopes.of(asked.scopes().get(i)).isEmpty()) {
                    problems.add("scopes[" + i + "]", "is not a SMART system scope of a resource Carebook serves");
                }
            }
        }
        problems.throwIfAny();
        Set<Scope> wanted = SmartScopes.all(asked.scopes());
        if (!caller.scopes().containsAll(wanted)) {
            var missing =
                    wanted.stream().filter(s -> !caller.has(s)).findFirst().orElseThrow();
            throw CarebookException.missingScope(missing);
        }
        String id = Ids.next("smart");
        clients.insert(
                caller.tenant(),
                id,
                asked.name(),
                asked.jwksUrl(),
                asked.jwks(),
                List.copyOf(asked.scopes()),
                clock.instant());
        return get(caller, id);
    }

    @Transactional(readOnly = true)
    public SmartClientView get(Caller caller, String id) {
        return clients.find(caller.tenant(), id)
                .map(SmartClientRepository.Row::view)
                .orElseThrow(() -> CarebookException.notFound("No such SMART client."));
    }

    @Transactional(readOnly = true)
    public ListPage<SmartClientView> list(Caller caller, PageRequest page) {
        return ListPage.of(
                clients.page(caller.tenant(), page),
                page,
                r -> new PageRequest.Position(r.view().createdAt(), r.view().id()),
                SmartClientRepository.Row::view);
    }

    /** The client gets no more tokens, and the ones it holds stop working at once. */
    @Transactional
    public SmartClientView revoke(Caller caller, String id) {
        get(caller, id);
        clients.revoke(id, clock.instant());
        return get(caller, id);
    }
}
