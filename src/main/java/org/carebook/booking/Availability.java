package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Free times for one appointment type (docs/api.md §3). */
@Service
public class Availability {

    static final int MAX_DAYS = 31;

    private final AppointmentTypes types;
    private final SlotFinder finder;
    private final AvailabilityCache cache;
    private final JsonMapper json;
    private final Clock clock;

    Availability(AppointmentTypes types, SlotFinder finder, AvailabilityCache cache, JsonMapper json, Clock clock) {
        this.types = types;
        this.finder = finder;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    /** The query as read from the URL; every parameter is text so that each bad one can be named. */
    public record Request(
            String appointmentTypeId,
            String startDate,
            String endDate,
            String clinicianId,
            String locationId,
            String isRemote,
            String insurancePayer) {}

    /** The answer as JSON ({@code {"data": [slot, ...], ...}}), from the cache while it is still true. */
    @Transactional(readOnly = true)
    public byte[] slots(Caller caller, Request request) {
        var issues = new Problems();
        if (request.appointmentTypeId() == null || request.appointmentTypeId().isBlank()) {
            issues.add("appointment_type_id", "is required");
        }
        LocalDate from = date(request.startDate(), "start_date", issues);
        LocalDate to = date(request.endDate(), "end_date", issues);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                issues.add("end_date", "must not be before start_date");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                issues.add("end_date", "the range may span at most " + MAX_DAYS + " days");
            }
        }
        Boolean remote = remote(request.isRemote(), issues);
        if (!issues.isEmpty()) {
            type(caller, request.appointmentTypeId(), issues);
            issues.throwIfAny();
        }
        var filter = new SlotFilter(
                AppointmentFilters.blankToNull(request.clinicianId()),
                AppointmentFilters.blankToNull(request.locationId()),
                remote,
                AppointmentFilters.blankToNull(request.insurancePayer()),
                caller.isPublishable());
        Instant now = clock.instant();
        if (!cache.enabled()) {
            return render(compute(caller, request, filter, from, to, now).slots());
        }
        // Read first: a write committing while the answer is computed then retires it at the next request.
        String position = cache.position();
        var key = new AvailabilityCache.Key(caller.tenant(), request.appointmentTypeId(), filter, from, to);
        var cached = cache.get(key, position, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        var answer = compute(caller, request, filter, from, to, now);
        byte[] rendered = render(answer.slots());
        cache.put(key, position, answer.changesAt(), rendered);
        return rendered;
    }

    /**
     * The free times of a type between two dates (in the locations' own calendars), for screens that show
     * them rather than pass them on: never from the cache, so what staff pick from is as fresh as it gets.
     */
    @Transactional(readOnly = true)
    public List<Slot> freeTimes(
            Caller caller,
            String appointmentTypeId,
            String clinicianId,
            String locationId,
            LocalDate from,
            LocalDate to) {
        var filter = new SlotFilter(clinicianId, locationId, null, null, caller.isPublishable());
        return finder.find(
                caller.tenant(), types.get(caller, appointmentTypeId), filter, from, to, clock.instant(), true);
    }

    /** A slot of a type's grid, and whether appointments and holds leave it free. */
    public record GridSlot(Slot slot, boolean free) {}

    /**
     * Every slot of a type's grid between two dates (in the locations' own calendars), free or taken; time off,
     * notice and horizon still remove slots. What FHIR's Slot resources show: a taken slot keeps its place (and
     * so its id) and is marked busy. Never from the cache.
     */
    @Transactional(readOnly = true)
    public List<GridSlot> grid(
            Caller caller, AppointmentTypeView type, SlotFilter filter, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        var free = new HashSet<>(finder.find(caller.tenant(), type, filter, from, to, now, true));
        return finder.find(caller.tenant(), type, filter, from, to, now, false).stream()
                .map(slot -> new GridSlot(slot, free.contains(slot)))
                .toList();
    }

    private SlotEngine.Answer compute(
            Caller caller, Request request, SlotFilter filter, LocalDate from, LocalDate to, Instant now) {
        var issues = new Problems();
        AppointmentTypeView type = type(caller, request.appointmentTypeId(), issues);
        if (!issues.isEmpty()) {
            issues.throwIfAny();
        }
        return finder.answer(caller.tenant(), type, filter, from, to, now, true);
    }

    private byte[] render(List<Slot> slots) {
        var renderer = new SlotView.Renderer();
        return json.writeValueAsBytes(
                ListPage.all(slots.stream().map(renderer::view).toList()));
    }

    private AppointmentTypeView type(Caller caller, String id, Problems issues) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return types.get(caller, id);
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            issues.add("appointment_type_id", "does not name an appointment type");
            return null;
        }
    }

    private static LocalDate date(String text, String field, Problems issues) {
        if (text == null || text.isBlank()) {
            issues.add(field, "is required");
            return null;
        }
        return AppointmentFilters.date(text, field, issues);
    }

    private static Boolean remote(String text, Problems issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            issues.add("is_remote", "must be true or false");
            return null;
        }
        return Boolean.valueOf(text);
    }
}
