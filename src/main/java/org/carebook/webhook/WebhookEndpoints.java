package org.carebook.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.carebook.egress.UrlGuard;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints of an organization and mode, their secrets, and their delivery logs. */
@Service
public class WebhookEndpoints {

    /** How long the old secret keeps signing after a rotation, so receivers can switch without losing events. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final UrlGuard guard;
    private final EventLog events;
    private final Clock clock;

    WebhookEndpoints(
            EndpointRepository endpoints, DeliveryRepository deliveries, UrlGuard guard, EventLog events, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public WebhookEndpointView create(Caller caller, Change<WebhookEndpointDraft> request, Problems problems) {
        var draft = checked(caller, request.over(WebhookEndpointDraft.NEW), problems);
        String id = Ids.next("whe");
        String secret = Signer.newSecret();
        endpoints.insert(caller.tenant(), id, draft, secret, clock.instant());
        return row(caller, id).view().withSecret(secret);
    }

    @Transactional(readOnly = true)
    public ListPage<WebhookEndpointView> list(Caller caller, PageRequest page) {
        return ListPage.of(
                endpoints.page(caller.tenant(), page),
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                EndpointRepository.Row::view);
    }

    @Transactional(readOnly = true)
    public WebhookEndpointView get(Caller caller, String id) {
        return row(caller, id).view();
    }

    @Transactional
    public WebhookEndpointView update(
            Caller caller, String id, Change<WebhookEndpointDraft> change, Problems problems) {
        var current = row(caller, id);
        var stored = new WebhookEndpointDraft(current.url(), current.events(), current.description(), current.status());
        var draft = checked(caller, change.over(stored), problems);
        endpoints.update(id, draft, clock.instant());
        return row(caller, id).view();
    }

    @Transactional
    public WebhookEndpointView delete(Caller caller, String id) {
        var view = row(caller, id).view();
        endpoints.delete(id);
        return view;
    }

    /** A new secret, shown once; the old one also signs for {@link #ROTATION_OVERLAP}. */
    @Transactional
    public WebhookEndpointView rotateSecret(Caller caller, String id) {
        row(caller, id);
        String secret = Signer.newSecret();
        var now = clock.instant();
        endpoints.rotate(id, secret, now.plus(ROTATION_OVERLAP), now);
        return row(caller, id).view().withSecret(secret);
    }

    @Transactional(readOnly = true)
    public ListPage<DeliveryView> deliveries(Caller caller, String endpointId, PageRequest page) {
        row(caller, endpointId);
        return ListPage.of(
                deliveries.page(endpointId, page), page, d -> new PageRequest.Position(d.createdAt(), d.id()), d -> d);
    }

    /** The endpoint's latest deliveries, newest first, for a page that shows how it is doing. */
    @Transactional(readOnly = true)
    public List<DeliveryView> latestDeliveries(Caller caller, String endpointId, int limit) {
        row(caller, endpointId);
        return deliveries.latest(endpointId, limit);
    }

    /** Records a {@code webhook.test} event, delivered to this endpoint only; answers its delivery. */
    @Transactional
    public DeliveryView sendTest(Caller caller, String endpointId) {
        enabled(row(caller, endpointId), "sending it a test event");
        var event = events.record(
                new WebhookEvent.Tested(caller.tenant(), Actor.of(caller), new WebhookEvent.EndpointTest(endpointId)));
        return deliveries.ofEvent(endpointId, event.id()).orElseThrow();
    }

    /** Queues the delivery to be sent again at once, whatever its state. */
    @Transactional
    public DeliveryView retry(Caller caller, String endpointId, String deliveryId) {
        var endpoint = row(caller, endpointId);
        delivery(endpointId, deliveryId);
        enabled(endpoint, "retrying deliveries");
        deliveries.retryNow(deliveryId, clock.instant());
        return delivery(endpointId, deliveryId);
    }

    private DeliveryView delivery(String endpointId, String deliveryId) {
        return deliveries
                .find(endpointId, deliveryId)
                .orElseThrow(() -> CarebookException.notFound("No such delivery."));
    }

    private static void enabled(EndpointRepository.Row endpoint, String before) {
        if (!endpoint.status().equals("enabled")) {
            throw CarebookException.invalidState("The endpoint is disabled; enable it before " + before + ".");
        }
    }

    private EndpointRepository.Row row(Caller caller, String id) {
        return endpoints
                .find(caller.tenant(), id)
                .orElseThrow(() -> CarebookException.notFound("No such webhook endpoint."));
    }

    /** A reachable URL (ADR 0008) and at least one known event type. */
    private WebhookEndpointDraft checked(Caller caller, WebhookEndpointDraft draft, Problems problems) {
        if (draft.url() == null || draft.url().isBlank()) {
            problems.add("url", Problems.REQUIRED);
        } else {
            guard.refusal(draft.url()).ifPresent(problem -> problems.add("url", problem));
        }
        if (draft.events() == null || draft.events().isEmpty()) {
            problems.add("events", "must list event types, or [\"*\"] for all");
        } else {
            var unknown = draft.events().stream()
                    .filter(e -> !e.equals("*") && !events.isType(e))
                    .toList();
            if (!unknown.isEmpty()) {
                problems.add("events", "has unknown event types: " + String.join(", ", unknown));
            }
        }
        problems.require("status", draft.status());
        problems.throwIfAny();
        return new WebhookEndpointDraft(draft.url(), List.copyOf(draft.events()), draft.description(), draft.status());
    }
}
