package org.carebook.calendar;

import java.time.Clock;
import java.time.Instant;
import org.carebook.catalog.Clinicians;
import org.carebook.egress.Reach;
import org.carebook.egress.UrlGuard;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician's external calendars, whose busy times block their time (docs/calendars.md): linked, listed, read
 * at once on request, and unlinked, which frees their time again.
 */
@Service
public class CalendarLinks {

    static final int DEFAULT_POLL_MINUTES = 15;

    private final CalendarLinkRepository links;
    private final Clinicians clinicians;
    private final CredentialSeal seal;
    private final UrlGuard guard;
    private final LinkPoller poller;
    private final Clock clock;

    CalendarLinks(
            CalendarLinkRepository links,
            Clinicians clinicians,
            CredentialSeal seal,
            UrlGuard guard,
            LinkPoller poller,
            Clock clock) {
        this.links = links;
        this.clinicians = clinicians;
        this.seal = seal;
        this.guard = guard;
        this.poller = poller;
        this.clock = clock;
    }

    /** What linking a calendar takes; the password (or app token) is sealed before it is stored. */
    public record LinkCalendar(
            String clinicianId, LinkKind kind, String url, String username, String password, Integer pollMinutes) {}

    /** Links the calendar; its first read is due at once. */
    @Transactional
    public CalendarLinkView link(Caller caller, LinkCalendar asked, Problems problems) {
        if (asked.clinicianId() == null) {
            problems.add("clinicianId", Problems.REQUIRED);
        }
        if (asked.kind() == null) {
            problems.add("kind", Problems.REQUIRED);
        }
        if (asked.url() == null) {
            problems.add("url", Problems.REQUIRED);
        } else if (asked.password() != null
                && asked.url().regionMatches(true, 0, "http:", 0, 5)
                && guard.reach() == Reach.PUBLIC_ONLY) {
            problems.add("url", "must be https when a password goes with it");
        } else {
            guard.refusal(asked.url()).ifPresent(why -> problems.add("url", why));
        }
        if (asked.password() != null && asked.username() == null) {
            problems.add("username", "give the user name that goes with the password");
        }
        problems.throwIfAny();
        clinicians.get(caller.tenant(), asked.clinicianId());
        String id = Ids.next("clink");
        byte[] sealed = asked.password() == null ? null : seal.seal(id, asked.password());
        int minutes = asked.pollMinutes() == null ? DEFAULT_POLL_MINUTES : asked.pollMinutes();
        links.insert(
                caller.tenant(),
                new CalendarLinkRepository.NewLink(
                        id, asked.clinicianId(), asked.kind(), asked.url(), asked.username(), sealed, minutes),
                clock.instant());
        return get(caller, id);
    }

    @Transactional(readOnly = true)
    public CalendarLinkView get(Caller caller, String id) {
        return links.find(caller.tenant(), id)
                .map(CalendarLinkRepository.Row::view)
                .orElseThrow(() -> CarebookException.notFound("No such calendar link."));
    }

    @Transactional(readOnly = true)
    public ListPage<CalendarLinkView> list(Caller caller, String clinicianId, PageRequest page) {
        return ListPage.of(
                links.page(caller.tenant(), clinicianId, page),
                page,
                r -> new PageRequest.Position(r.view().createdAt(), r.view().id()),
                CalendarLinkRepository.Row::view);
    }

    /** Reads the calendar now instead of at its next turn, and answers how that went. */
    public CalendarLinkView sync(Caller caller, String id) {
        get(caller, id);
        Instant now = clock.instant();
        var row = links.claim(caller.tenant(), id, now.plus(poller.lease()))
                .orElseThrow(() -> CarebookException.notFound("No such calendar link."));
        poller.poll(row);
        return get(caller, id);
    }

    /** Unlinks the calendar: its busy times are freed (and may be offered to the waitlist) in the same transaction. */
    @Transactional
    public CalendarLinkView unlink(Caller caller, String id) {
        var link = get(caller, id);
        links.lock(id);
        poller.release(caller.tenant(), link);
        links.delete(caller.tenant(), id);
        return link;
    }
}
