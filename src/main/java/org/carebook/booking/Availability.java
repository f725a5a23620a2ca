package org.carebook.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Free times for one appointment type (API.md §3). */
@Service
public class Availability {

    static final int MAX_DAYS = 31;

    private final AppointmentTypes types;
    private final SlotFinder finder;
    private final Clock clock;

    Availability(AppointmentTypes types, SlotFinder finder, Clock clock) {
        this.types = types;
        this.finder = finder;
        this.clock = clock;
    }

    /** The query as read from the URL; every parameter is text so that each bad one can be named. */
    public record Request(String appointmentTypeId, String startDate, String endDate, String clinicianId,
                          String locationId, String isRemote, String insurancePayer) {
    }

    @Transactional(readOnly = true)
    public List<SlotView> slots(Caller caller, Request request) {
        var issues = new ArrayList<FieldIssue>();
        if (request.appointmentTypeId() == null || request.appointmentTypeId().isBlank()) {
            issues.add(new FieldIssue("appointment_type_id", "is required"));
        }
        LocalDate from = date(request.startDate(), "start_date", issues);
        LocalDate to = date(request.endDate(), "end_date", issues);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                issues.add(new FieldIssue("end_date", "must not be before start_date"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                issues.add(new FieldIssue("end_date", "the range may span at most " + MAX_DAYS + " days"));
            }
        }
        Boolean remote = remote(request.isRemote(), issues);
        AppointmentTypeView type = type(caller, request.appointmentTypeId(), issues);
        if (!issues.isEmpty()) {
            throw CarebookException.invalid(issues);
        }
        var filter = new SlotFilter(AppointmentFilters.blankToNull(request.clinicianId()), AppointmentFilters.blankToNull(request.locationId()), remote,
                AppointmentFilters.blankToNull(request.insurancePayer()), caller.isPublishable());
        var renderer = new SlotView.Renderer();
        return finder.find(caller.tenant(), type, filter, from, to, clock.instant(), true).stream()
                .map(renderer::view)
                .toList();
    }

    private AppointmentTypeView type(Caller caller, String id, List<FieldIssue> issues) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return types.get(caller, id);
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            issues.add(new FieldIssue("appointment_type_id", "does not name an appointment type"));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<FieldIssue> issues) {
        if (text == null || text.isBlank()) {
            issues.add(new FieldIssue(field, "is required"));
            return null;
        }
        return AppointmentFilters.date(text, field, issues);
    }

    private static Boolean remote(String text, List<FieldIssue> issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            issues.add(new FieldIssue("is_remote", "must be true or false"));
            return null;
        }
        return Boolean.valueOf(text);
    }
}
