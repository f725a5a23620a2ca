package org.carebook.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.carebook.availability.Slot;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.Appointments;
import org.carebook.booking.Availability;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Offers freed time to the entries in line, first come first served: each entry that may have a time of this
 * clinician is offered the first free slot that overlaps the freed time and suits it, unless the patient is at
 * their booking limit. Each entry gets one offer at a time; the next entry's slots are read after the last offer's
 * hold, so one freed time goes to one entry.
 */
@Component
class OpeningMatcher {

    /** The most days of free times read for one entry at once, as the availability API allows. */
    static final int MAX_DAYS = 31;

    private final WaitlistRepository repository;
    private final Availability availability;
    private final AppointmentTypes types;
    private final Appointments appointments;
    private final Organizations organizations;
    private final OfferMaker maker;
    private final Clock clock;

    OpeningMatcher(
            WaitlistRepository repository,
            Availability availability,
            AppointmentTypes types,
            Appointments appointments,
            Organizations organizations,
            OfferMaker maker,
            Clock clock) {
        this.repository = repository;
        this.availability = availability;
        this.types = types;
        this.appointments = appointments;
        this.organizations = organizations;
        this.maker = maker;
        this.clock = clock;
    }

    /** Offers the opening's time to whom it suits; answers how many offers were made. */
    int offer(Opening opening) {
        Instant now = clock.instant();
        if (!opening.end().isAfter(now)) {
            return 0;
        }
        var caller = Callers.reading(opening.tenant());
        var settings = organizations.settings(opening.tenant());
        int made = 0;
        var types = new java.util.HashMap<String, java.util.Optional<AppointmentTypeView>>(); // once per opening
        for (var entry : repository.inLineFor(
                opening.tenant(), opening.clinicianId(), utcDate(now).minusDays(1))) {
            var type = types.computeIfAbsent(
                            entry.appointmentTypeId(), id -> java.util.Optional.ofNullable(type(caller, id)))
                    .orElse(null);
            if (type != null && mayHave(type, opening.clinicianId()) && !atLimit(caller, entry, settings, now)) {
                made += offerFirstSuiting(caller, entry, type, opening, settings, now) ? 1 : 0;
            }
        }
        return made;
    }

    private boolean offerFirstSuiting(
            Caller caller,
            WaitlistEntry entry,
            AppointmentTypeView type,
            Opening opening,
            OrganizationSettings settings,
            Instant now) {
        LocalDate from =
                utcDate(opening.start().isAfter(now) ? opening.start() : now).minusDays(1);
        LocalDate to = min(
                min(
                        utcDate(opening.end()).plusDays(1),
                        entry.preferences().until().plusDays(1)),
                from.plusDays(MAX_DAYS - 1));
        if (to.isBefore(from)) {
            return false;
        }
        var slots = availability.freeTimes(
                caller, type.id(), opening.clinicianId(), entry.preferences().locationId(), from, to);
        for (Slot slot : slots) {
            if (slot.start().isAfter(now)
                    && slot.start().isBefore(opening.end())
                    && slot.end().isAfter(opening.start())
                    && entry.preferences().suits(slot)
                    && !repository.wasOffered(entry.id(), slot.clinicianId(), slot.start())
                    && maker.tryOffer(entry, type, slot, settings.waitlistOffer())) {
                return true;
            }
        }
        return false;
    }

    private AppointmentTypeView type(Caller caller, String id) {
        try {
            var type = types.get(caller, id);
            return type.isActive() ? type : null;
        } catch (CarebookException gone) {
            return null;
        }
    }

    private static boolean mayHave(AppointmentTypeView type, String clinicianId) {
        return type.clinicianIds().isEmpty() || type.clinicianIds().contains(clinicianId);
    }

    /** A patient at the organization's limit of upcoming bookings is not offered another. */
    private boolean atLimit(Caller caller, WaitlistEntry entry, OrganizationSettings settings, Instant now) {
        Integer max = settings.maxActiveBookingsPerPatient();
        if (max == null) {
            return false;
        }
        var filter = new AppointmentFilter(
                utcDate(now).minusDays(1),
                null,
                null,
                null,
                entry.patientId(),
                Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED),
                null,
                null);
        long upcoming = appointments.all(caller, filter).stream()
                .filter(a -> a.startTime().toInstant().isAfter(now))
                .count();
        return upcoming >= max;
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
