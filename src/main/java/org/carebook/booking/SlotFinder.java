package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carebook.availability.AppointmentRules;
import org.carebook.availability.Interval;
import org.carebook.availability.RoomBusy;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.availability.SlotQuery;
import org.carebook.availability.WorkingSchedule;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/** Gathers the slot engine's inputs with a fixed handful of queries, whatever the range or clinician count. */
@Component
class SlotFinder {

    /** Local dates are read in zones up to 14 h from UTC, and buffers reach up to a day: read this much around them. */
    private static final Duration MARGIN = Duration.ofDays(2);

    private final WorkingHours workingHours;
    private final BusyTime busyTime;
    private final ClassSeats classes;

    SlotFinder(WorkingHours workingHours, BusyTime busyTime, ClassSeats classes) {
        this.workingHours = workingHours;
        this.busyTime = busyTime;
        this.classes = classes;
    }

    /**
     * The slots availability offers. With {@code withBookings} false, appointments and holds are left
     * out (time off still counts): what a hold checks before the database decides who gets the time.
     */
    List<Slot> find(
            Tenant tenant,
            AppointmentTypeView type,
            SlotFilter filter,
            LocalDate from,
            LocalDate to,
            Instant now,
            boolean withBookings) {
        return answer(tenant, type, filter, from, to, now, withBookings)
                .answer()
                .slots();
    }

    /**
     * An answer and the clinicians and rooms whose bookings it was computed from: a booking of anyone else
     * cannot change it (the cache of ADR 0013).
     */
    record Found(SlotEngine.Answer answer, Set<String> bookedSubjects) {}

    /**
     * The slots, and the first moment time alone changes them: the engine's, or a hold among the busy time
     * expiring.
     */
    Found answer(
            Tenant tenant,
            AppointmentTypeView type,
            SlotFilter filter,
            LocalDate from,
            LocalDate to,
            Instant now,
            boolean withBookings) {
        var setting = setting(tenant, type, filter, from, to);
        if (setting.schedules().isEmpty()) {
            return new Found(new SlotEngine.Answer(List.of(), Optional.empty()), Set.of());
        }
        var window = setting.window();
        var clinicians = setting.clinicians();
        var rooms = setting.rooms();
        var roomIds = rooms.values().stream().flatMap(List::stream).toList();
        var busy = withBookings ? busyTime.of(clinicians, roomIds, window, now) : BusyTime.Busy.none();
        var timeOff = workingHours.timeOff(clinicians, window.start(), window.end());
        var inputs = new Inputs(type, setting.schedules(), timeOff, rooms, from, to, now, filter);
        var answer = inputs.answer(busy);
        if (withBookings && type.capacity() > 1) {
            answer = classes.withSeats(inputs, answer, clinicians, window);
        }
        var subjects = new HashSet<>(clinicians);
        subjects.addAll(roomIds);
        var expiry = busy.nextExpiry();
        if (expiry.isEmpty()
                || answer.changesAt().filter(c -> c.isBefore(expiry.get())).isPresent()) {
            return new Found(answer, subjects);
        }
        return new Found(new SlotEngine.Answer(answer.slots(), expiry), subjects);
    }

    /**
     * The grid before anything takes time from it (hours and rules only: notice and horizon still apply, time off,
     * bookings and holds do not), with the time off and taken time that decide each slot's state.
     */
    SlotGrid grid(
            Tenant tenant, AppointmentTypeView type, SlotFilter filter, LocalDate from, LocalDate to, Instant now) {
        var setting = setting(tenant, type, filter, from, to);
        if (setting.schedules().isEmpty()) {
            return new SlotGrid(List.of(), Map.of(), Map.of());
        }
        var window = setting.window();
        var slots = new Inputs(type, setting.schedules(), Map.of(), setting.rooms(), from, to, now, filter)
                .answer(BusyTime.Busy.none())
                .slots();
        return new SlotGrid(
                slots,
                workingHours.timeOff(setting.clinicians(), window.start(), window.end()),
                busyTime.taken(setting.clinicians(), window, now));
    }

    /** Where a query's slots may be: the schedules, the window read around the dates, their clinicians and rooms. */
    private record Setting(
            List<WorkingSchedule> schedules,
            Interval window,
            Set<String> clinicians,
            Map<String, List<String>> rooms) {}

    private Setting setting(Tenant tenant, AppointmentTypeView type, SlotFilter filter, LocalDate from, LocalDate to) {
        List<WorkingSchedule> schedules =
                workingHours.schedules(tenant, filter.clinicianId(), filter.locationId(), from, to);
        var window = new Interval(
                from.atStartOfDay().toInstant(ZoneOffset.UTC).minus(MARGIN),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(MARGIN));
        Set<String> clinicians = new HashSet<>();
        Set<String> locations = new HashSet<>();
        for (WorkingSchedule s : schedules) {
            clinicians.add(s.clinicianId());
            if (s.locationId() != null && type.requiresRoom()) {
                locations.add(s.locationId());
            }
        }
        Map<String, List<String>> rooms = locations.isEmpty() ? Map.of() : workingHours.activeRooms(locations);
        return new Setting(schedules, window, clinicians, rooms);
    }

    /** What the slot engine is asked, but for the busy time of bookings and holds. */
    record Inputs(
            AppointmentTypeView type,
            List<WorkingSchedule> schedules,
            Map<String, List<Interval>> timeOff,
            Map<String, List<String>> rooms,
            LocalDate from,
            LocalDate to,
            Instant now,
            SlotFilter filter) {

        /** The engine's answer with these bookings and holds counted (none: only time off, hours and rules). */
        SlotEngine.Answer answer(BusyTime.Busy busy) {
            var clinicianBusy = new HashMap<String, List<Interval>>();
            busy.byClinician()
                    .forEach((id, list) -> clinicianBusy
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .addAll(list));
            timeOff.forEach((id, list) ->
                    clinicianBusy.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
            var roomsByLocation = new HashMap<String, List<RoomBusy>>();
            rooms.forEach((location, ids) -> roomsByLocation.put(
                    location,
                    ids.stream()
                            .map(room -> new RoomBusy(room, busy.byRoom().getOrDefault(room, List.of())))
                            .toList()));
            return SlotEngine.answer(
                    new SlotQuery(rules(type), schedules, clinicianBusy, roomsByLocation, from, to, now, filter));
        }
    }

    /** The slot availability would offer at that instant, ignoring appointments and holds: those are the database's to judge. */
    Optional<Slot> offered(Tenant tenant, AppointmentTypeView type, SlotFilter filter, Instant start, Instant now) {
        return startingAt(tenant, type, filter, start, now, false).stream().findFirst();
    }

    /** The slots free at that instant (appointments and holds counted), one per clinician who could take it. */
    List<Slot> freeAt(Tenant tenant, AppointmentTypeView type, SlotFilter filter, Instant start, Instant now) {
        return startingAt(tenant, type, filter, start, now, true);
    }

    private List<Slot> startingAt(
            Tenant tenant,
            AppointmentTypeView type,
            SlotFilter filter,
            Instant start,
            Instant now,
            boolean withBookings) {
        LocalDate utcDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        return find(tenant, type, filter, utcDate.minusDays(1), utcDate.plusDays(1), now, withBookings).stream()
                .filter(s -> s.start().equals(start))
                .toList();
    }

    /** The zone of the clinician's remote hours on that date, where a remote hold's local time is read. */
    Optional<ZoneId> remoteZone(Tenant tenant, String clinicianId, LocalDate date) {
        return workingHours.schedules(tenant, clinicianId, null, date, date).stream()
                .filter(WorkingSchedule::remote)
                .map(WorkingSchedule::zone)
                .findFirst();
    }

    /** The rooms an in-person slot of a type that needs one may take, in a stable order. */
    List<String> rooms(AppointmentTypeView type, Slot slot) {
        if (!type.requiresRoom() || slot.remote() || slot.locationId() == null) {
            return List.of();
        }
        return workingHours.activeRooms(List.of(slot.locationId())).getOrDefault(slot.locationId(), List.of());
    }

    static AppointmentRules rules(AppointmentTypeView type) {
        return new AppointmentRules(
                type.id(),
                Duration.ofMinutes(type.durationMinutes()),
                Duration.ofMinutes(type.slotIntervalMinutes()),
                Duration.ofMinutes(type.bufferBeforeMinutes()),
                Duration.ofMinutes(type.bufferAfterMinutes()),
                Duration.ofMinutes(type.minNoticeMinutes()),
                Duration.ofDays(type.maxAdvanceDays()),
                type.modes().contains("in_person"),
                type.modes().contains("remote"),
                type.requiresRoom(),
                Set.copyOf(type.clinicianIds()),
                type.isActive(),
                type.allowOnlineBooking());
    }
}
