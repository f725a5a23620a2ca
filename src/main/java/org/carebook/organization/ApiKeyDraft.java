package org.carebook.organization;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;

/** A key to create: a secret key with chosen scopes, or a publishable one with its fixed scopes. */
record ApiKeyDraft(String name, KeyKind kind, List<Scope> scopes, List<String> allowedOrigins) {

    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\-\\[\\]:]+(:\\d{1,5})?");

    /** Origins as typed, lower-cased and without a trailing slash, as browsers send them. */
    static List<String> origins(List<String> typed) {
        return typed == null
                ? List.of()
                : typed.stream()
                        .map(o -> o.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                        .toList();
    }

    /** A problem for each entry that is not a scheme, a host and perhaps a port. */
    static void checkOrigins(List<String> origins, Problems problems) {
        for (int i = 0; i < origins.size(); i++) {
            if (!ORIGIN.matcher(origins.get(i)).matches()) {
                problems.add("allowedOrigins[" + i + "]", "must be an origin such as https://clinic.example");
            }
        }
    }
}
