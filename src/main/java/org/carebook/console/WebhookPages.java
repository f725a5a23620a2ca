package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.carebook.events.EventLog;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.carebook.webhook.DeliveryView;
import org.carebook.webhook.EndpointStatus;
import org.carebook.webhook.WebhookEndpointDraft;
import org.carebook.webhook.WebhookEndpointView;
import org.carebook.webhook.WebhookEndpoints;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhook endpoints for owners, through the same {@link WebhookEndpoints} as the API: add one (its secret shown
 * once), send it a test event, see its latest deliveries, turn it off and on, remove it.
 */
@Controller
class WebhookPages {

    private static final PageRequest FIRST_HUNDRED = PageRequest.of("100", null);
    private static final int LATEST = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);
    private static final Map<String, String> LABELS = Map.of("url", "Address", "events", "Events");

    private final WebhookEndpoints endpoints;
    private final EventLog events;
    private final Organizations organizations;

    WebhookPages(WebhookEndpoints endpoints, EventLog events, Organizations organizations) {
        this.endpoints = endpoints;
        this.events = events;
        this.organizations = organizations;
    }

    public record WebhooksPage(
            String path,
            String back,
            List<Endpoint> endpoints,
            NewEndpoint form,
            String secret,
            List<String> problems) {}

    /** An endpoint as listed: {@code events} null when it takes every event; why it was turned off, if it says. */
    public record Endpoint(String id, String url, String events, boolean enabled, String disabledReason) {}

    /** The form for a new endpoint: its address, and every event type with the ones chosen. */
    public record NewEndpoint(String url, boolean all, List<BookingForm.Option> types) {}

    public record EndpointPage(String path, String back, Endpoint endpoint, String notice, List<Delivery> deliveries) {}

    public record Delivery(String when, String event, String status, int attempts, String answer) {}

    @GetMapping({"/console/settings/webhooks", "/console/test/settings/webhooks"})
    String list(Caller caller, Model model) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        model.addAttribute("page", page(caller, new NewEndpoint("", true, types(Set.of())), null, List.of()));
        return "console/webhooks";
    }

    @PostMapping({"/console/settings/webhooks", "/console/test/settings/webhooks"})
    String create(Caller caller, @RequestParam Map<String, String> posted, Model model, HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        var chosen = events.types().stream()
                .filter(t -> posted.containsKey("event:" + t))
                .toList();
        boolean all = posted.containsKey("all");
        var form = new NewEndpoint(FormText.shown(posted.get("url")), all, types(Set.copyOf(chosen)));
        try {
            var draft = new WebhookEndpointDraft(
                    FormText.given(form.url()),
                    all ? List.of("*") : chosen,
                    FormText.given(posted.get("description")),
                    "enabled");
            var made = endpoints.create(caller, Change.whole(draft), new Problems());
            model.addAttribute("page", page(caller, new NewEndpoint("", true, types(Set.of())), made, List.of()));
            return "console/webhooks";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("page", page(caller, form, null, FormText.allProblems(e, LABELS)));
            return "console/webhooks";
        }
    }

    @GetMapping({"/console/settings/webhooks/{id}", "/console/test/settings/webhooks/{id}"})
    String endpoint(Caller caller, @PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        var endpoint = endpoints.get(caller, id);
        ZoneId zone =
                ZoneId.of(organizations.get(caller.tenant().organizationId()).timezone());
        var deliveries = endpoints.latestDeliveries(caller, id, LATEST).stream()
                .map(d -> delivery(d, zone))
                .toList();
        model.addAttribute(
                "page",
                new EndpointPage(root(caller) + "/" + id, root(caller), endpoint(endpoint), notice(done), deliveries));
        return "console/webhook";
    }

    @PostMapping({"/console/settings/webhooks/{id}/test", "/console/test/settings/webhooks/{id}/test"})
    String sendTest(Caller caller, @PathVariable String id) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        endpoints.sendTest(caller, id);
        return "redirect:" + root(caller) + "/" + id + "?done=test";
    }

    @PostMapping({"/console/settings/webhooks/{id}/status", "/console/test/settings/webhooks/{id}/status"})
    String status(Caller caller, @PathVariable String id, @RequestParam String status) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        var next = "enabled".equals(status) ? EndpointStatus.ENABLED : EndpointStatus.DISABLED;
        var change = new Change<>(new WebhookEndpointDraft(null, null, null, next.wire()), Set.of("status"));
        endpoints.update(caller, id, change, new Problems());
        return "redirect:" + root(caller) + "/" + id + "?done=" + next.wire();
    }

    @PostMapping({"/console/settings/webhooks/{id}/delete", "/console/test/settings/webhooks/{id}/delete"})
    String delete(Caller caller, @PathVariable String id) {
        Access.require(caller, Scope.MANAGE_WEBHOOKS);
        endpoints.delete(caller, id);
        return "redirect:" + root(caller);
    }

    private WebhooksPage page(Caller caller, NewEndpoint form, WebhookEndpointView made, List<String> problems) {
        var listed = endpoints.list(caller, FIRST_HUNDRED).data().stream()
                .map(WebhookPages::endpoint)
                .toList();
        return new WebhooksPage(
                root(caller),
                ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings",
                listed,
                form,
                made == null ? null : made.secret(),
                problems);
    }

    private List<BookingForm.Option> types(Set<String> chosen) {
        return events.types().stream()
                .map(t -> new BookingForm.Option(t, t, null, chosen.contains(t)))
                .toList();
    }

    private static Endpoint endpoint(WebhookEndpointView view) {
        return new Endpoint(
                view.id(),
                view.url(),
                view.events().contains("*") ? null : String.join(", ", view.events()),
                view.status() == EndpointStatus.ENABLED,
                view.disabledReason());
    }

    private static Delivery delivery(DeliveryView d, ZoneId zone) {
        Instant at = d.lastAttemptAt() != null ? d.lastAttemptAt() : d.createdAt();
        String answer = d.lastStatusCode() != null
                ? String.valueOf(d.lastStatusCode())
                : d.lastError() != null ? d.lastError() : "—";
        return new Delivery(
                WHEN.format(at.atZone(zone)), d.eventType(), d.status().wire(), d.attempts(), answer);
    }

    /** What was just done, as the page's message names it. */
    private static String notice(String done) {
        return done != null && Set.of("test", "enabled", "disabled").contains(done) ? done : null;
    }

    private static String root(Caller caller) {
        return ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/webhooks";
    }
}
