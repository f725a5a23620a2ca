package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses of care (docs/api.md, "Appointment series"): a rule of dates booked as ordinary appointments in one
 * transaction, all or nothing unless the caller asks to skip what cannot be booked; cancelled whole or from an
 * occurrence on. Each occurrence is booked, and later cancelled, through the same core and transitions as any
 * appointment, so every guard, event and message of one applies to each.
 */
@Service
public class AppointmentSeries {

    private final Placements placements;
    private final BookingCore core;
    private final SeriesBooking booking;
    private final SeriesRepository repository;
    private final Appointments appointments;
    private final Clock clock;

    AppointmentSeries(
            Placements placements,
            BookingCore core,
            SeriesBooking booking,
            SeriesRepository repository,
            Appointments appointments,
            Clock clock) {
        this.placements = placements;
        this.core = core;
        this.booking = booking;
        this.repository = repository;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** Books the series; {@code problems} holds what reading the request found, and the 422 names them all. */
    @Transactional
    public SeriesView book(Caller caller, BookSeries command, Problems problems) {
        if (command.patient() instanceof PatientChoice.Inline && !caller.has(Scope.WRITE_PATIENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_PATIENTS);
        }
        var settings = placements.settings(caller.tenant());
        var first = command.first();
        var where = placements.of(caller, first, settings, problems);
        var patient = core.check(caller, command.patient(), settings, problems);
        var details = command.details().checked(settings.country(), problems);
        if (command.start() != null && command.recurrence() != null) {
            command.recurrence()
                    .check(
                            LocalDate.ofInstant(
                                    command.start(), where.placement().zone()),
                            problems);
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        var plan = booking.plan(caller.tenant(), where.type(), where.placement(), command.recurrence(), now);
        String patientId = core.patientId(caller, patient);
        int bookable =
                (int) plan.stream().filter(SeriesBooking.Planned::bookable).count();
        boolean overridden = core.checkLimit(
                caller, patientId, settings, command.overrideBookingLimit(), Math.max(bookable, 1), now);
        var series = new Series(
                Ids.next("ser"),
                caller.tenant(),
                SeriesView.Status.ACTIVE,
                patientId,
                where.type().id(),
                where.placement().clinicianId(),
                where.placement().locationId(),
                where.placement().remote(),
                where.placement().zone(),
                where.placement().start(),
                command.recurrence(),
                command.onConflict(),
                now,
                now);
        repository.insert(series);
        var skipped = booking.book(caller, series.id(), where, patientId, first, details, overridden, plan, now);
        if (!skipped.isEmpty()
                && (command.onConflict() == BookSeries.OnConflict.REJECT || skipped.size() == plan.size())) {
            throw conflict(skipped, plan.size(), "booked");
        }
        repository.insertSkipped(series.id(), skipped);
        return record(new SeriesEvent.Created(caller.tenant(), Actor.of(caller), view(series)));
    }

    @Transactional(readOnly = true)
    public SeriesView get(Caller caller, String id) {
        return view(load(caller, id, false));
    }

    /**
     * Cancels the series' occurrences that are still to come: all of them, or those from {@code fromAppointmentId}
     * on ("this and following"), each as one appointment is cancelled. Cancelling all ends the series.
     */
    @Transactional
    public SeriesView cancel(Caller caller, String id, CancelSeries command, Problems problems) {
        var series = load(caller, id, true);
        var occurrences = repository.occurrences(series.id());
        int from = 0;
        if (command.fromAppointmentId() != null) {
            from = occurrences.stream()
                    .filter(o -> o.appointmentId().equals(command.fromAppointmentId()))
                    .mapToInt(SeriesView.Occurrence::index)
                    .findFirst()
                    .orElse(-1);
            if (from < 0) {
                problems.add("fromAppointmentId", "is not an occurrence of this series");
            }
        }
        problems.throwIfAny();
        if (series.status() == SeriesView.Status.CANCELLED) {
            throw CarebookException.invalidState("The series is already cancelled.");
        }
        Instant now = clock.instant();
        var cancellation = new CancelAppointment(command.reason(), command.cancelledBy());
        for (var occurrence : occurrences) {
            if (occurrence.index() >= from
                    && occurrence.status().isUpcoming()
                    && occurrence.startTime().toInstant().isAfter(now)) {
                appointments.cancel(caller, occurrence.appointmentId(), cancellation);
            }
        }
        var actor = Actor.of(caller);
        if (command.fromAppointmentId() == null) {
            var cancelled = series.cancel(now);
            repository.save(cancelled);
            return record(new SeriesEvent.Cancelled(caller.tenant(), actor, view(cancelled)));
        }
        return record(new SeriesEvent.Changed(caller.tenant(), actor, view(series)));
    }

    /**
     * Moves the occurrences still to come from {@code fromAppointmentId} on to a new weekday and time: that one to
     * {@code start}, each later one as many days on, at the same clock time in the location's zone. All or nothing:
     * a date that cannot be moved to moves none, and the 409 lists every such date.
     */
    @Transactional
    public SeriesView move(Caller caller, String id, MoveSeries command, Problems problems) {
        var series = load(caller, id, true);
        var occurrences = repository.occurrences(series.id());
        var from = occurrences.stream()
                .filter(o -> o.appointmentId().equals(command.fromAppointmentId()))
                .findFirst();
        if (command.fromAppointmentId() != null && from.isEmpty()) {
            problems.add("fromAppointmentId", "is not an occurrence of this series");
        }
        problems.throwIfAny();
        if (series.status() == SeriesView.Status.CANCELLED) {
            throw CarebookException.invalidState("The series is cancelled.");
        }
        Instant now = clock.instant();
        var zone = series.zone();
        var first = from.orElseThrow();
        var before = first.startTime().atZoneSameInstant(zone).toLocalDateTime();
        var after = command.start().atZone(zone).toLocalDateTime();
        long shift = java.time.temporal.ChronoUnit.DAYS.between(before.toLocalDate(), after.toLocalDate());
        // Moved away from the shift's direction, so that no occurrence lands where a later one still is.
        var order = java.util.Comparator.comparingInt(SeriesView.Occurrence::index);
        var moving = occurrences.stream()
                .filter(o -> o.index() >= first.index()
                        && o.status().isUpcoming()
                        && o.startTime().toInstant().isAfter(now))
                .sorted(after.isAfter(before) ? order.reversed() : order)
                .toList();
        if (moving.isEmpty()) {
            throw CarebookException.invalidState("No occurrence from there on is still to come.");
        }
        var dates = moving.stream()
                .map(o -> new SeriesBooking.Dated(
                        o.index(),
                        o.startTime().atZoneSameInstant(zone).toLocalDate().plusDays(shift)))
                .toList();
        var template = new Placement(
                series.clinicianId(),
                series.locationId(),
                null,
                series.remote(),
                zone,
                first.startTime().toInstant(),
                first.endTime().toInstant());
        var type = placements.type(caller, series.appointmentTypeId());
        var plan = booking.check(caller.tenant(), type, template, dates, after.toLocalTime(), now);
        var byIndex = new java.util.HashMap<Integer, String>();
        moving.forEach(o -> byIndex.put(o.index(), o.appointmentId()));
        var refused = booking.move(caller, plan, byIndex, appointments);
        if (!refused.isEmpty()) {
            throw conflict(refused, plan.size(), "moved");
        }
        return record(new SeriesEvent.Changed(caller.tenant(), Actor.of(caller), view(series)));
    }

    /**
     * Where the rule put a series' date: its local start in the location's zone, before any move. What a calendar
     * knows that instance of the series by (RFC 5545's RECURRENCE-ID).
     */
    @Transactional(readOnly = true)
    public java.time.LocalDateTime originalStart(org.carebook.kernel.Tenant tenant, String seriesId, int index) {
        var series = repository
                .find(tenant, seriesId, false)
                .orElseThrow(() -> CarebookException.notFound("No such appointment series."));
        var first = java.time.LocalDateTime.ofInstant(series.firstStart(), series.zone());
        return series.recurrence().dates(first.toLocalDate()).get(index).atTime(first.toLocalTime());
    }

    private SeriesView record(SeriesEvent event) {
        core.recordSeries(event);
        return event.series();
    }

    private SeriesView view(Series series) {
        return series.view(repository.occurrences(series.id()), repository.skipped(series.id(), series.zone()));
    }

    private Series load(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such appointment series."));
    }

    private static CarebookException conflict(List<SkippedDate> skipped, int dates, String done) {
        var listed = new StringBuilder();
        for (var date : skipped) {
            listed.append(listed.isEmpty() ? "" : ", ")
                    .append(date.date())
                    .append(" (")
                    .append(date.reason().wire().replace('_', ' '))
                    .append(')');
        }
        return CarebookException.conflicting(
                "series_conflict",
                skipped.size() + " of the series' " + dates + " dates cannot be " + done + ": " + listed
                        + ". Nothing was " + done + ".",
                skipped);
    }
}
