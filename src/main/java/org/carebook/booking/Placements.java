package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.ScheduleView;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Where and when a direct booking or a change puts an appointment, from the catalogue objects it names: each
 * checked, with what is wrong added to the problems rather than thrown, so that one 422 names them all.
 */
@Component
class Placements {

    private final BookingReferences references;
    private final Organizations organizations;

    Placements(BookingReferences references, Organizations organizations) {
        this.references = references;
        this.organizations = organizations;
    }

    /** The organization's settings a booking is read by: its zone, its country, its limits. */
    OrganizationSettings settings(Tenant tenant) {
        return organizations.settings(tenant);
    }

    /** Where and when a booking is, with the catalogue objects that say so. */
    /** What a booking names: its type, where and when, the location, and the schedule (null when none is named). */
    record Where(AppointmentTypeView type, Placement placement, LocationView location, ScheduleView schedule) {}

    AppointmentTypeView type(Caller caller, String id) {
        return references.type(caller, id);
    }

    /** The catalogue a direct booking names, with its place and time. */
    Where of(Caller caller, BookAppointment command, OrganizationSettings settings, Problems problems) {
        var tenant = caller.tenant();
        var type = references.type(caller, command.appointmentTypeId(), problems);
        var schedule = references.schedule(tenant, command.scheduleId(), problems);
        String clinicianId = fromSchedule(
                problems, "clinicianId", command.clinicianId(), schedule == null ? null : schedule.clinicianId());
        String locationId = fromSchedule(
                problems, "locationId", command.locationId(), schedule == null ? null : schedule.locationId());
        boolean remote = Boolean.TRUE.equals(
                command.remote() != null ? command.remote() : schedule == null ? null : schedule.isRemote());
        problems.require("clinicianId", clinicianId);
        var clinician = references.clinician(tenant, clinicianId, problems);
        var location = references.location(tenant, locationId, problems);
        if (locationId == null && !remote) {
            problems.add("locationId", "is required unless is_remote is true");
        }
        BookingReferences.checkRoom(location, command.roomId(), problems);
        ZoneId zone = zone(location, schedule, clinician, settings);
        Instant start = command.start() != null ? command.start() : local(command.localStart(), location, problems);
        var placement = new Placement(
                clinicianId, locationId, command.roomId(), remote, zone, start, end(start, command, type));
        return new Where(type, placement, location, schedule);
    }

    /** Where a change puts the appointment; a start without an end keeps its length. */
    Where moved(Tenant tenant, Placement old, ChangeAppointment change, Problems problems) {
        String clinicianId = change.gives("clinicianId") ? change.clinicianId() : old.clinicianId();
        String locationId = change.gives("locationId") ? change.locationId() : old.locationId();
        references.clinician(tenant, clinicianId, problems);
        var location = references.location(tenant, locationId, problems);
        boolean locationChanged = !Objects.equals(locationId, old.locationId());
        String roomId = change.gives("roomId") ? change.roomId() : locationChanged ? null : old.roomId();
        BookingReferences.checkRoom(location, roomId, problems);
        Instant start = change.gives("startTime") ? change.start() : old.start();
        Instant end = change.gives("endTime")
                ? change.end()
                : start == null ? null : start.plus(Duration.between(old.start(), old.end()));
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add("endTime", "must be after start_time");
        }
        var placement = new Placement(
                clinicianId,
                locationId,
                roomId,
                old.remote(),
                location != null ? ZoneId.of(location.timezone()) : old.zone(),
                start,
                end);
        return new Where(null, placement, location, null);
    }

    /** A schedule names its clinician and location; a booking that names it may repeat them, not contradict them. */
    private static String fromSchedule(Problems problems, String field, String given, String scheduleValue) {
        if (given != null && scheduleValue != null && !given.equals(scheduleValue)) {
            problems.add(field, "differs from the schedule's");
        }
        return given != null ? given : scheduleValue;
    }

    /** The end given, or the start plus the minutes given or the type's duration. */
    private static Instant end(Instant start, BookAppointment command, AppointmentTypeView type) {
        if (start == null || command.end() != null) {
            return start == null ? null : command.end();
        }
        int minutes = command.durationMinutes() != null
                ? command.durationMinutes()
                : type != null ? type.durationMinutes() : 1;
        return start.plus(Duration.ofMinutes(minutes));
    }

    /**
     * A wall-clock start read in the location's zone: the earlier of a time the clocks pass twice, and none for a
     * time they skip.
     */
    private static Instant local(java.time.LocalDateTime start, LocationView location, Problems problems) {
        if (start == null || location == null) {
            return null;
        }
        var resolved = org.carebook.availability.SlotEngine.resolve(
                start.toLocalDate(), start.toLocalTime(), ZoneId.of(location.timezone()));
        if (resolved.isEmpty()) {
            problems.add("startTime", "does not exist on that date at the location (the clocks change)");
        }
        return resolved.orElse(null);
    }

    private static ZoneId zone(
            LocationView location, ScheduleView schedule, ClinicianView clinician, OrganizationSettings settings) {
        if (location != null) {
            return ZoneId.of(location.timezone());
        }
        if (schedule != null) {
            return ZoneId.of(schedule.timezone());
        }
        if (clinician != null && clinician.timezone() != null) {
            return ZoneId.of(clinician.timezone());
        }
        return settings.timezone();
    }
}
