package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.availability.Interval;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lays a series' rule onto the calendar and books each date through {@link BookingCore}, as any direct booking:
 * a date is booked only where availability offers its time (time off, hours, notice and horizon counted), and the
 * database's exclusion constraints then decide whether the clinician, a room and the patient are free. Each date
 * is tried under a savepoint, so a refused one leaves the others' work standing; whether the series keeps them is
 * the caller's choice.
 */
@Component
class SeriesBooking {

    private final SlotFinder finder;
    private final WorkingHours workingHours;
    private final BookingCore core;
    private final TransactionTemplate savepoint;

    SeriesBooking(
            SlotFinder finder, WorkingHours workingHours, BookingCore core, PlatformTransactionManager transactions) {
        this.finder = finder;
        this.workingHours = workingHours;
        this.core = core;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One date of the rule: where it falls ({@code placement} null when the clock skips that time), or why not. */
    record Planned(int index, LocalDate date, Placement placement, SkippedDate.Obstacle obstacle) {

        boolean bookable() {
            return obstacle == null;
        }

        SkippedDate skipped(SkippedDate.Obstacle why) {
            return new SkippedDate(
                    index,
                    date,
                    placement == null
                            ? null
                            : placement.start().atZone(placement.zone()).toOffsetDateTime(),
                    why);
        }
    }

    /** Every date of the rule from the first occurrence's, at its clock time, and whether availability offers it. */
    List<Planned> plan(Tenant tenant, AppointmentTypeView type, Placement first, Recurrence rule, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(first.start(), first.zone());
        var dates = new ArrayList<Dated>();
        var ruleDates = rule.dates(local.toLocalDate());
        for (int i = 0; i < ruleDates.size(); i++) {
            dates.add(new Dated(i, ruleDates.get(i)));
        }
        return check(tenant, type, first, dates, local.toLocalTime(), now);
    }

    /** A date of a series, with its place in it. */
    record Dated(int index, LocalDate date) {}

    /** The dates at {@code time} in the zone of {@code template}, placed as it is, and whether availability offers each. */
    List<Planned> check(
            Tenant tenant,
            AppointmentTypeView type,
            Placement template,
            List<Dated> dates,
            LocalTime time,
            Instant now) {
        LocalDate firstDate =
                dates.stream().map(Dated::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last =
                dates.stream().map(Dated::date).max(LocalDate::compareTo).orElseThrow();
        var filter = new SlotFilter(template.clinicianId(), template.locationId(), template.remote(), null, false);
        // Nothing is offered past the type's horizon: a rule reaching years ahead is not computed day by day.
        LocalDate horizon = LocalDate.ofInstant(now.plus(Duration.ofDays(type.maxAdvanceDays() + 1L)), template.zone());
        LocalDate until = last.isAfter(horizon) ? horizon : last;
        Set<Instant> offered = firstDate.isAfter(horizon)
                ? Set.of()
                : finder.find(tenant, type, filter, firstDate.minusDays(1), until.plusDays(1), now, false).stream()
                        .filter(slot -> slot.clinicianId().equals(template.clinicianId()))
                        .map(org.carebook.availability.Slot::start)
                        .collect(Collectors.toSet());
        List<Interval> away = workingHours
                .timeOff(
                        List.of(template.clinicianId()),
                        firstDate.minusDays(1).atStartOfDay(template.zone()).toInstant(),
                        last.plusDays(2).atStartOfDay(template.zone()).toInstant())
                .getOrDefault(template.clinicianId(), List.of());
        var planned = new ArrayList<Planned>();
        for (Dated dated : dates) {
            Optional<Instant> start = SlotEngine.resolve(dated.date(), time, template.zone());
            if (start.isEmpty()) {
                planned.add(new Planned(dated.index(), dated.date(), null, SkippedDate.Obstacle.NO_SUCH_TIME));
                continue;
            }
            var placement = template.startingAt(start.get());
            var obstacle = offered.contains(start.get()) ? null : why(type, placement, away, now);
            planned.add(new Planned(dated.index(), dated.date(), placement, obstacle));
        }
        return planned;
    }

    /**
     * Moves each occurrence to its planned time, each under a savepoint, as one appointment is moved; answers the
     * dates that could not be moved, with those availability does not offer. {@code appointments} names each
     * occurrence's appointment by its index.
     */
    List<SkippedDate> move(
            Caller caller, List<Planned> plan, java.util.Map<Integer, String> appointments, Appointments moves) {
        var refused = new ArrayList<SkippedDate>();
        for (Planned date : plan) {
            if (!date.bookable()) {
                refused.add(date.skipped(date.obstacle()));
                continue;
            }
            var change = new ChangeAppointment(
                    Set.of("startTime"), date.placement().start(), null, null, null, null, AppointmentDetails.NONE);
            try {
                savepoint.executeWithoutResult(step -> moves.change(
                        caller, appointments.get(date.index()), change, new org.carebook.kernel.Problems()));
            } catch (CarebookException e) {
                refused.add(date.skipped(obstacle(e)));
            }
        }
        return refused;
    }

    /**
     * Books the dates availability offers, each under a savepoint; answers the dates that were refused, with those
     * availability did not offer.
     */
    List<SkippedDate> book(
            Caller caller,
            String seriesId,
            Placements.Where where,
            String patientId,
            BookAppointment first,
            AppointmentDetails details,
            boolean limitOverridden,
            List<Planned> plan,
            Instant now) {
        var skipped = new ArrayList<SkippedDate>();
        for (Planned date : plan) {
            if (!date.bookable()) {
                skipped.add(date.skipped(date.obstacle()));
                continue;
            }
            var at = new Placements.Where(where.type(), date.placement(), where.location(), where.schedule());
            var place = new Appointment.SeriesPlace(seriesId, date.index());
            try {
                savepoint.executeWithoutResult(
                        step -> core.bookNewTime(caller, at, patientId, first, details, limitOverridden, place, now));
            } catch (CarebookException refused) {
                skipped.add(date.skipped(obstacle(refused)));
            }
        }
        return skipped;
    }

    /** Why availability does not offer a time: the nearest cause a receptionist would name. */
    private static SkippedDate.Obstacle why(AppointmentTypeView type, Placement at, List<Interval> away, Instant now) {
        if (at.start().isBefore(now.plus(Duration.ofMinutes(type.minNoticeMinutes())))) {
            return SkippedDate.Obstacle.TOO_SOON;
        }
        if (at.start().isAfter(now.plus(Duration.ofDays(type.maxAdvanceDays())))) {
            return SkippedDate.Obstacle.PAST_HORIZON;
        }
        var attended = new Interval(at.start(), at.end());
        return away.stream().anyMatch(attended::overlaps)
                ? SkippedDate.Obstacle.TIME_OFF
                : SkippedDate.Obstacle.OUTSIDE_HOURS;
    }

    private static SkippedDate.Obstacle obstacle(CarebookException refused) {
        return switch (refused.reason()) {
            case "slot_taken" -> SkippedDate.Obstacle.TAKEN;
            case "patient_conflict" -> SkippedDate.Obstacle.PATIENT_BUSY;
            case "session_full" -> SkippedDate.Obstacle.FULL;
            default -> throw refused;
        };
    }
}
