package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes (docs/api.md, "Classes"): a session's roster, and calling it off. Seats are booked, checked in, and
 * cancelled one by one as appointments (§6); cancelling the session cancels each of them that way, with its own
 * event and message.
 */
@Service
public class GroupSessions {

    private final GroupSessionRepository repository;
    private final Appointments appointments;
    private final GroupSeats seats;
    private final Clock clock;

    GroupSessions(GroupSessionRepository repository, Appointments appointments, GroupSeats seats, Clock clock) {
        this.repository = repository;
        this.appointments = appointments;
        this.seats = seats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public GroupSessionView get(Caller caller, String id) {
        return view(load(caller, id, false), clock.instant());
    }

    /** Cancels every upcoming seat (the clinician is ill), then the session, whose time is free at once. */
    @Transactional
    public GroupSessionView cancel(Caller caller, String id, CancelAppointment command) {
        var session = load(caller, id, true);
        Instant now = clock.instant();
        var cancelled = session.cancel(now);
        for (var attendee : repository.attendees(id)) {
            if (attendee.status().isUpcoming()) {
                appointments.cancel(caller, attendee.appointmentId(), command);
            }
        }
        for (String holder : repository.holders(id, now)) {
            seats.release(caller.tenant(), holder, now); // holds in seats: their time is gone with the session
        }
        repository.save(cancelled);
        seats.release(caller.tenant(), id, now);
        return view(cancelled, now);
    }

    private GroupSessionView view(GroupSession session, Instant now) {
        int taken = repository.holders(session.id(), now).size();
        int left = session.status() == GroupSessionView.Status.SCHEDULED ? session.capacity() - taken : 0;
        return session.view(left, repository.attendees(session.id()));
    }

    private GroupSession load(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such session."));
    }
}
