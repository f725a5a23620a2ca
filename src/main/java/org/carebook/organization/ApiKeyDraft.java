package org.carebook.organization;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Scope;

/** A key to create: a secret key with chosen scopes, or a publishable one with its fixed scopes. */
record ApiKeyDraft(String name, KeyKind kind, List<Scope> scopes, List<String> allowedOrigins) {

    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\-\\[\\]:]+(:\\d{1,5})?");

    static ApiKeyDraft read(JsonFields body, Caller caller) {
        String name = body.requiredText("name", JsonFields.NAME, null);
        String type = body.choice("type", Set.of("secret", "publishable"), null);
        body.require("type", type);
        List<String> scopeNames = body.texts("scopes", Scope.values().length, 64, List.of());
        List<String> origins = body.texts("allowed_origins", 20, 255, List.of()).stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
        KeyKind kind = "publishable".equals(type) ? KeyKind.PUBLISHABLE : KeyKind.SECRET;
        List<Scope> scopes =
                kind == KeyKind.PUBLISHABLE ? List.copyOf(Scope.PUBLISHABLE) : readScopes(body, scopeNames, caller);
        if (kind == KeyKind.PUBLISHABLE
                && body.has("scopes")
                && !scopeNames.isEmpty()
                && !Set.copyOf(scopeNames)
                        .equals(Set.copyOf(scopes.stream().map(Scope::wire).toList()))) {
            body.issue(
                    "scopes", "a publishable key always has read_appointment_types, read_availability and write_holds");
        }
        if (kind == KeyKind.SECRET && !origins.isEmpty()) {
            body.issue("allowed_origins", "only publishable keys are used from browsers");
        }
        for (int i = 0; i < origins.size(); i++) {
            if (!ORIGIN.matcher(origins.get(i)).matches()) {
                body.issue("allowed_origins[" + i + "]", "must be an origin such as https://clinic.example");
            }
        }
        body.throwIfInvalid();
        return new ApiKeyDraft(name, kind, scopes, origins);
    }

    /** A key can hand out only scopes it holds itself, so manage_api_keys is no way to widen access. */
    private static List<Scope> readScopes(JsonFields body, List<String> names, Caller caller) {
        if (names.isEmpty()) {
            body.issue("scopes", "a secret key needs at least one scope");
        }
        var scopes = new java.util.ArrayList<Scope>();
        for (int i = 0; i < names.size(); i++) {
            var scope = Scope.fromWire(names.get(i));
            if (scope.isEmpty()) {
                body.issue("scopes[" + i + "]", "is not a scope");
            } else if (!caller.has(scope.get())) {
                body.issue("scopes[" + i + "]", "cannot be granted by a key that does not hold it");
            } else {
                scopes.add(scope.get());
            }
        }
        return scopes;
    }
}
