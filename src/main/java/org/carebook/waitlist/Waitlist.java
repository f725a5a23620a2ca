package org.carebook.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's entries (docs/api.md §6c): joined through the API, the widget or the console, read and removed by
 * the clinic. Offers are made by {@link WaitlistWorker} and answered through {@link WaitlistOffers}.
 */
@Service
public class Waitlist {

    private final WaitlistRepository repository;
    private final JoinChecks checks;
    private final OfferAnswers answers;
    private final EventLog events;
    private final Clock clock;

    Waitlist(WaitlistRepository repository, JoinChecks checks, OfferAnswers answers, EventLog events, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.answers = answers;
        this.events = events;
        this.clock = clock;
    }

    /** Today's date, for reading a request's last day against. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Puts the patient in line; a patient already waiting for this service keeps their place, and the entry they
     * have is answered. A browser's key learns the entry's id and state, not whose it is.
     */
    @Transactional
    public WaitlistEntryView join(Caller caller, JoinWaitlist command, Problems problems) {
        var checked = checks.check(caller, command, problems);
        problems.throwIfAny();
        Instant now = clock.instant();
        var joined = WaitlistEntry.joined(
                Ids.next("wle"),
                caller.tenant(),
                checks.patientId(caller, checked.patient()),
                checked.appointmentTypeId(),
                checked.preferences(),
                source(caller),
                now);
        var entry = repository.insertOrFindLive(joined);
        var view = view(entry);
        if (entry.id().equals(joined.id())) {
            events.record(new WaitlistEvent.Created(caller.tenant(), Actor.of(caller), view));
        }
        return caller.isPublishable() ? view.forBrowser() : view;
    }

    @Transactional(readOnly = true)
    public WaitlistEntryView get(Caller caller, String id) {
        return view(load(caller, id, false));
    }

    /** Entries oldest first, of one location (and those for any) and state, if given. */
    @Transactional(readOnly = true)
    public ListPage<WaitlistEntryView> list(Caller caller, String locationId, EntryStatus status, PageRequest page) {
        var rows = repository.page(caller.tenant(), locationId, status, page);
        var offers = openOffers(rows);
        return ListPage.of(
                rows,
                page,
                e -> new PageRequest.Position(e.createdAt(), e.id()),
                e -> e.view(offerView(offers.get(e.id()))));
    }

    /** The most entries a screen lists at once. */
    public static final int SCREENFUL = 500;

    /** Who is in line for a location (or any location), waiting or offered a time, first come first. */
    @Transactional(readOnly = true)
    public List<WaitlistEntryView> live(Caller caller, String locationId) {
        var rows = repository.live(caller.tenant(), locationId, SCREENFUL);
        var offers = openOffers(rows);
        return rows.stream().map(e -> e.view(offerView(offers.get(e.id())))).toList();
    }

    /** Takes the entry out of line; a time held for it is let go to the next. */
    @Transactional
    public WaitlistEntryView remove(Caller caller, String id) {
        Instant now = clock.instant();
        var entry = load(caller, id, true);
        if (entry.status() == EntryStatus.REMOVED) {
            return view(entry);
        }
        answers.withdraw(entry, now);
        var removed = entry.removed(now);
        repository.save(removed);
        return view(removed);
    }

    /** Expires up to {@code batch} live entries whose last day has passed; answers how many. */
    @Transactional
    public int expire(int batch) {
        Instant now = clock.instant();
        var past = repository.pastTheirLastDay(LocalDate.now(clock).minusDays(1), batch);
        for (var entry : past) {
            answers.withdraw(entry, now);
            var expired = entry.expired(now);
            repository.save(expired);
            events.record(new WaitlistEvent.Expired(entry.tenant(), Actor.SYSTEM, view(expired)));
        }
        return past.size();
    }

    private WaitlistEntryView view(WaitlistEntry entry) {
        var offer =
                entry.status() == EntryStatus.OFFERED ? repository.openOfferOf(entry.id()) : Optional.<Offer>empty();
        return entry.view(offerView(offer.orElse(null)));
    }

    /** The open offers of the offered entries among these rows, read at once rather than row by row. */
    private java.util.Map<String, Offer> openOffers(List<WaitlistEntry> rows) {
        return repository.openOffersOf(rows.stream()
                .filter(e -> e.status() == EntryStatus.OFFERED)
                .map(WaitlistEntry::id)
                .toList());
    }

    private static WaitlistEntryView.Offer offerView(Offer offer) {
        return offer == null ? null : offer.view();
    }

    private WaitlistEntry load(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such waitlist entry."));
    }

    private static String source(Caller caller) {
        return switch (caller.kind()) {
            case PUBLISHABLE -> "widget";
            case STAFF -> "console";
            default -> "api";
        };
    }
}
