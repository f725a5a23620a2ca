package org.carebook.smart;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SMART backend clients: credentials like API keys, so the scope that manages keys governs them. */
@RestController
@RequestMapping("/v1/smart-clients")
class SmartClientController {

    private final SmartClients clients;
    private final JsonMapper json;

    SmartClientController(SmartClients clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @PostMapping
    @Operation(operationId = "registerSmartClient")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.MANAGE_API_KEYS)
    @RequestSchema(SmartClientRequest.class)
    Envelope<SmartClientView> register(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, SmartClientRequest.class);
        var asked = read.value();
        String jwks = asked.jwks() == null ? null : json.writeValueAsString(keySet(asked.jwks()));
        var command = new SmartClients.Register(asked.name(), asked.jwksUrl(), jwks, asked.scopes());
        return Envelope.of(clients.register(caller, command, read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listSmartClients")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    ListPage<SmartClientView> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return clients.list(caller, PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSmartClient")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    Envelope<SmartClientView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(clients.get(caller, id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeSmartClient")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    Envelope<SmartClientView> revoke(Caller caller, @PathVariable String id) {
        return Envelope.of(clients.revoke(caller, id));
    }

    /** The key set as JWK members (RFC 7517 names), leaving out those not given. */
    private static Map<String, Object> keySet(SmartClientRequest.Jwks jwks) {
        var keys = jwks.keys() == null
                ? java.util.List.<Map<String, String>>of()
                : jwks.keys().stream().map(SmartClientController::members).toList();
        return Map.of("keys", keys);
    }

    private static Map<String, String> members(SmartClientRequest.Jwk key) {
        var members = new LinkedHashMap<String, String>();
        String[][] pairs = {
            {"kty", key.kty()},
            {"kid", key.kid()},
            {"alg", key.alg()},
            {"use", key.use()},
            {"n", key.n()},
            {"e", key.e()},
            {"crv", key.crv()},
            {"x", key.x()},
            {"y", key.y()}
        };
        for (String[] pair : pairs) {
            if (pair[1] != null) {
                members.put(pair[0], pair[1]);
            }
        }
        return members;
    }
}
