package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.ApiKeyView;
import org.carebook.organization.ApiKeys;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's API keys, for owners: every key listed (masked), publishable keys made for the pages that
 * embed the widget with their allowed origins, and any key revoked. Secret keys are made through the API, by a
 * key that holds the scopes they give, so the console never shows a secret.
 */
@Controller
class KeyPages {

    private static final PageRequest FIRST_HUNDRED = PageRequest.of("100", null);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> LABELS = Map.of("name", "Name", "allowed_origins", "Origins");

    private final ApiKeys keys;
    private final Organizations organizations;

    KeyPages(ApiKeys keys, Organizations organizations) {
        this.keys = keys;
        this.organizations = organizations;
    }

    public record KeysPage(
            String path,
            String back,
            List<Key> keys,
            String created,
            String name,
            String origins,
            List<String> problems) {}

    /** A key as listed: {@code lastUsed} and {@code revoked} are days, or null for never. */
    public record Key(
            String id,
            String name,
            String kind,
            String key,
            String origins,
            boolean active,
            String lastUsed,
            String revoked) {}

    @GetMapping({"/console/settings/keys", "/console/test/settings/keys"})
    String page(Caller caller, @RequestParam(required = false) String revoked, Model model) {
        Access.require(caller, Scope.MANAGE_API_KEYS);
        model.addAttribute("page", page(caller, revoked != null ? "revoked" : null, "", "", List.of()));
        return "console/keys";
    }

    @PostMapping({"/console/settings/keys", "/console/test/settings/keys"})
    String create(
            Caller caller,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String origins,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_API_KEYS);
        String typed = FormText.shown(origins);
        var listed = Arrays.stream(typed.split("[,\\n]"))
                .map(String::strip)
                .filter(o -> !o.isBlank())
                .toList();
        try {
            var made = keys.createPublishableKey(caller, FormText.given(name), listed, new Problems());
            model.addAttribute("page", page(caller, made.key(), "", "", List.of()));
            return "console/keys";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("page", page(caller, null, FormText.shown(name), typed, problems(e, listed)));
            return "console/keys";
        }
    }

    @PostMapping({"/console/settings/keys/{id}/revoke", "/console/test/settings/keys/{id}/revoke"})
    String revoke(Caller caller, @PathVariable String id) {
        Access.require(caller, Scope.MANAGE_API_KEYS);
        keys.revoke(caller.tenant(), id);
        return "redirect:" + root(caller) + "?revoked";
    }

    private KeysPage page(Caller caller, String created, String name, String origins, List<String> problems) {
        ZoneId zone =
                ZoneId.of(organizations.get(caller.tenant().organizationId()).timezone());
        var listed = keys.list(caller.tenant(), FIRST_HUNDRED).data().stream()
                .map(k -> key(k, zone))
                .toList();
        return new KeysPage(
                root(caller),
                ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings",
                listed,
                created,
                name,
                origins,
                problems);
    }

    private Key key(ApiKeyView key, ZoneId zone) {
        return new Key(
                key.id(),
                key.name(),
                key.type(),
                key.key(),
                key.allowedOrigins().isEmpty() ? "—" : String.join(", ", key.allowedOrigins()),
                key.isActive(),
                day(key.lastUsedAt(), zone),
                day(key.revokedAt(), zone));
    }

    private String day(Instant at, ZoneId zone) {
        return at == null ? null : DAY.format(at.atZone(zone));
    }

    /** Origins are numbered in the answer; the page names a wrong one as it was typed. */
    private static List<String> problems(CarebookException e, List<String> origins) {
        return e.details().stream()
                .map(d -> {
                    var index = java.util.regex.Pattern.compile("allowed_origins\\[(\\d+)]")
                            .matcher(d.field());
                    return index.matches()
                            ? origins.get(Integer.parseInt(index.group(1))) + ": " + d.issue()
                            : LABELS.getOrDefault(d.field(), d.field()) + ": " + d.issue();
                })
                .toList();
    }

    private static String root(Caller caller) {
        return ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/keys";
    }
}
