package org.carebook.booking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carebook.availability.Interval;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * Seats in classes, the way a booking or hold of a type of capacity above 1 takes its time: it joins the
 * clinician's session at that start, or opens one by claiming the clinician (and a room) for it under the same
 * exclusion constraints as any booking, then takes a free seat while it holds the session's row locked. Nothing
 * is counted in Java: a session has as many seat rows as places, and a seat is one row.
 */
@Component
class GroupSeats {

    static final java.util.function.Supplier<CarebookException> FULL =
            () -> CarebookException.conflict("session_full", "Every place in that class is taken.");

    private final GroupSessionRepository sessions;
    private final BlockingIntervals intervals;

    GroupSeats(GroupSessionRepository sessions, BlockingIntervals intervals) {
        this.sessions = sessions;
        this.intervals = intervals;
    }

    /**
     * A seat for {@code holderId} (a hold until {@code expiresAt}, or an appointment for good) in the session at
     * {@code at}; empty when the clinician (or every room) is taken by something else then; {@code session_full}
     * when the session has no place left.
     */
    Optional<GroupSession> take(
            Tenant tenant,
            AppointmentTypeView type,
            Placement at,
            List<String> rooms,
            String holderId,
            String patientId,
            Instant expiresAt,
            Instant now) {
        var session = sessions.lockScheduledAt(tenant, at.clinicianId(), at.start())
                .or(() -> open(tenant, type, at, rooms, now))
                // a first booking of the same class that committed while this one waited for the clinician
                .or(() -> sessions.lockScheduledAt(tenant, at.clinicianId(), at.start()));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        var s = session.get();
        var place = s.placement();
        if (!s.appointmentTypeId().equals(type.id())
                || !Objects.equals(place.locationId(), at.locationId())
                || place.remote() != at.remote()) {
            return Optional.empty(); // the clinician has another class then, or this one elsewhere
        }
        if (!sessions.takeSeat(s.id(), holderId, expiresAt, now)) {
            throw FULL.get();
        }
        intervals.claimSeat(
                holderId, place.clinicianId(), new Interval(place.start(), place.end()), patientId, expiresAt);
        return session;
    }

    /**
     * Gives up the time of a hold or appointment, and its seat when it has one: a session nobody attends any more
     * frees its clinician and room too.
     */
    void release(Tenant tenant, String ownerId, Instant now) {
        intervals.release(ownerId).ifPresent(session -> leave(tenant, session, now));
    }

    /** Deletes the rows of expired holds, and dissolves the sessions only expired holds were attending. */
    void sweep(Instant now) {
        intervals.deleteExpired(now);
        sessions.deserted(now).forEach(s -> leave(s.tenant(), s.id(), now));
    }

    /** The session a seat was given up in, locked; it goes when nobody holds a seat in it any more. */
    private void leave(Tenant tenant, String sessionId, Instant now) {
        sessions.find(tenant, sessionId, true)
                .filter(s -> s.status() == GroupSessionView.Status.SCHEDULED)
                .filter(s -> sessions.holders(s.id(), now).isEmpty())
                .ifPresent(s -> {
                    sessions.save(s.dissolve(now));
                    intervals.release(s.id());
                });
    }

    private Optional<GroupSession> open(
            Tenant tenant, AppointmentTypeView type, Placement at, List<String> rooms, Instant now) {
        String id = Ids.next("ses");
        return intervals.tryClaim(at.claim(id, type, rooms, null, true), now).map(claimed -> {
            var session = new GroupSession(
                    id,
                    tenant,
                    GroupSessionView.Status.SCHEDULED,
                    type.id(),
                    at.withRoom(claimed.roomId()),
                    type.capacity(),
                    now,
                    now);
            if (!sessions.insert(session)) {
                throw BlockingIntervals.SLOT_TAKEN.get(); // not reached: the session's row holds the clinician
            }
            return session;
        });
    }
}
