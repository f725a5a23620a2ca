package org.carebook.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.carebook.booking.SlotState;
import org.carebook.catalog.Locations;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMART Scheduling Links: an organization that opts in publishes its locations, schedules and the next
 * {@link #WINDOW} of slots (free and busy) for anyone to read. What is published is what the booking widget
 * offers anyone: it is read as a publishable key would, so only online-bookable types appear. The files are
 * derived on demand and kept {@link #KEPT} per organization, so directories polling them cost little.
 */
@Service
public class SlotPublishing {

    static final Duration WINDOW = Duration.ofDays(14);
    static final Duration KEPT = Duration.ofSeconds(60);
    static final List<String> TYPES = List.of("Location", "Schedule", "Slot");
    private static final int MAX_KEPT = 1_000;

    /** What an organization chose: publishing, and the page its slots link to (may be null). */
    public record Publication(boolean published, String bookingPageUrl) {}

    /** One published file's resources, as of when they were derived. */
    record Feed(Instant derivedAt, List<Resource> resources) {}

    private final SlotPublicationRepository repository;
    private final Locations locations;
    private final Schedules schedules;
    private final SlotSearch slots;
    private final Organizations organizations;
    private final Clock clock;
    private final Map<String, Feed> kept = new ConcurrentHashMap<>();

    SlotPublishing(
            SlotPublicationRepository repository,
            Locations locations,
            Schedules schedules,
            SlotSearch slots,
            Organizations organizations,
            Clock clock) {
        this.repository = repository;
        this.locations = locations;
        this.schedules = schedules;
        this.slots = slots;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Publication get(Caller caller) {
        return repository
                .find(live(caller))
                .map(row -> new Publication(true, row.bookingPageUrl()))
                .orElse(new Publication(false, null));
    }

    @Transactional
    public Publication publish(Caller caller, String bookingPageUrl) {
        repository.save(live(caller), bookingPageUrl, clock.instant());
        forget(caller.tenant().organizationId());
        return new Publication(true, bookingPageUrl);
    }

    @Transactional
    public Publication withdraw(Caller caller) {
        repository.delete(live(caller));
        forget(caller.tenant().organizationId());
        return new Publication(false, null);
    }

    /** One file of a publishing organization: its Locations, Schedules or Slots. */
    @Transactional(readOnly = true)
    public Feed feed(String organizationId, String type, Instant since) {
        var publication = repository.find(organizationId).orElseThrow(SlotPublishing::notPublished);
        // Slots ignore _since, so one kept copy serves every _since: varying it cannot force the work again.
        String key = organizationId + "|" + type + "|" + ("Slot".equals(type) ? "" : since);
        Instant now = clock.instant();
        var feed = kept.get(key);
        if (feed == null || feed.derivedAt().plus(KEPT).isBefore(now)) {
            if (kept.size() > MAX_KEPT) {
                kept.clear();
            }
            feed = new Feed(now, derive(publication, type, since, now));
            kept.put(key, feed);
        }
        return feed;
    }

    private List<Resource> derive(SlotPublicationRepository.Row publication, String type, Instant since, Instant now) {
        var caller = anyone(publication.organizationId());
        return switch (type) {
            case "Location" ->
                Pages.all(page -> locations.list(caller.tenant(), true, page)).stream()
                        .filter(l -> since == null || l.updatedAt().isAfter(since))
                        .map(l -> (Resource) CatalogResources.location(l))
                        .toList();
            case "Schedule" -> {
                var types = slots.types(caller);
                yield Pages.all(page -> schedules.list(caller.tenant(), null, null, page)).stream()
                        .filter(ScheduleView::isActive)
                        .filter(s -> since == null || s.updatedAt().isAfter(since))
                        .map(s -> (Resource) CatalogResources.schedule(s, null, types))
                        .toList();
            }
            case "Slot" -> slots(caller, publication, now);
            default -> throw CarebookException.notFound("There is no such file here.");
        };
    }

    /** Every slot of the window, free and busy: derived, they have no change time, so {@code _since} keeps all. */
    private List<Resource> slots(Caller caller, SlotPublicationRepository.Row publication, Instant now) {
        Map<String, String> phones = new java.util.HashMap<>();
        Pages.all(page -> locations.list(caller.tenant(), true, page)).forEach(l -> phones.put(l.id(), l.phone()));
        String clinicPhone = organizations.settings(caller.tenant()).phone();
        var criteria = new SlotSearch.Criteria(null, null, null, null, now, now.plus(WINDOW));
        // SMART Scheduling Links knows free and busy only; time off is left out, as it always was.
        return slots.slots(caller, criteria).stream()
                .filter(g -> g.state() != SlotState.BUSY_UNAVAILABLE)
                .map(g -> (Resource) SchedulingResources.slot(
                        g.slot(),
                        g.free() ? SlotState.FREE : SlotState.BUSY,
                        new SchedulingResources.BookingLinks(
                                g.free() ? deepLink(publication.bookingPageUrl(), g.slot()) : null,
                                Optional.ofNullable(phones.get(g.slot().locationId()))
                                        .orElse(clinicPhone))))
                .toList();
    }

    /** The clinic's booking page with the slot chosen, for the widget there to open at it. */
    static String deepLink(String page, org.carebook.availability.Slot slot) {
        if (page == null) {
            return null;
        }
        var query = new StringBuilder(page.contains("?") ? "&" : "?")
                .append("carebook_type=")
                .append(slot.appointmentTypeId())
                .append("&carebook_clinician=")
                .append(slot.clinicianId());
        if (slot.locationId() != null) {
            query.append("&carebook_location=").append(slot.locationId());
        }
        query.append("&carebook_start=").append(slot.start());
        return page + query;
    }

    /** Published data is what a browser key sees: read as one, in live mode. */
    private static Caller anyone(String organizationId) {
        return new Caller(
                "slot-publication",
                KeyKind.PUBLISHABLE,
                new Tenant(organizationId, Mode.LIVE),
                Scope.PUBLISHABLE,
                List.of(),
                null,
                null);
    }

    private static String live(Caller caller) {
        if (caller.tenant().mode() != Mode.LIVE) {
            throw CarebookException.forbidden("live_only", "Only live data is published: use a live key.", List.of());
        }
        return caller.tenant().organizationId();
    }

    private void forget(String organizationId) {
        kept.keySet().removeIf(key -> key.startsWith(organizationId + "|"));
    }

    /** An http or https address with a host: where published slots may send patients. */
    public static boolean isWebAddress(String text) {
        try {
            var uri = new java.net.URI(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && !text.contains(" ");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static CarebookException notPublished() {
        return CarebookException.notFound("This organization does not publish its free times.");
    }
}
