package org.carebook.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * Renders a feed: the appointments still on (not cancelled or declined) from 30 days back to 180 ahead, read as
 * the feed itself, which the audit log then names as the reader of any patient it shows.
 */
@Component
class FeedFiles {

    static final int DAYS_BACK = 30;
    static final int DAYS_AHEAD = 180;
    private static final Set<AppointmentStatus> SHOWN = Set.of(
            AppointmentStatus.PENDING,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.NO_SHOW);

    private final Appointments appointments;
    private final Patients patients;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Organizations organizations;

    FeedFiles(
            Appointments appointments,
            Patients patients,
            AppointmentTypes types,
            Clinicians clinicians,
            Locations locations,
            Organizations organizations) {
        this.appointments = appointments;
        this.patients = patients;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.organizations = organizations;
    }

    boolean showsNames(Tenant tenant) {
        return organizations.settings(tenant).calendarFeedNames();
    }

    FeedFile render(CalendarFeedRepository.Row feed, LocalDate today) {
        boolean names = showsNames(feed.tenant());
        var caller = new Caller(
                feed.view().id(),
                KeyKind.SECRET,
                feed.tenant(),
                names ? Set.of(Scope.READ_APPOINTMENTS, Scope.READ_PATIENTS) : Set.of(Scope.READ_APPOINTMENTS),
                List.of(),
                null,
                null);
        var filter = new AppointmentFilter(
                today.minusDays(DAYS_BACK),
                today.plusDays(DAYS_AHEAD),
                feed.view().clinicianId(),
                feed.view().locationId(),
                null,
                SHOWN,
                null,
                null);
        var listed = appointments.all(caller, filter);
        return FeedFile.of(
                listed,
                new FeedFile.Names(
                        title(feed),
                        typeNames(caller, listed),
                        placeNames(caller, listed),
                        names ? patientNames(caller, listed) : Map.of()));
    }

    private String title(CalendarFeedRepository.Row feed) {
        return feed.view().clinicianId() != null
                ? clinicians.get(feed.tenant(), feed.view().clinicianId()).name()
                : locations.get(feed.tenant(), feed.view().locationId()).name();
    }

    private Map<String, String> typeNames(Caller caller, List<AppointmentView> listed) {
        var names = new HashMap<String, String>();
        listed.forEach(a -> names.computeIfAbsent(
                a.appointmentTypeId(), id -> types.get(caller.tenant(), id).name()));
        return names;
    }

    private Map<String, String> placeNames(Caller caller, List<AppointmentView> listed) {
        var names = new HashMap<String, String>();
        listed.stream()
                .filter(a -> a.locationId() != null)
                .forEach(a -> names.computeIfAbsent(
                        a.locationId(), id -> locations.get(caller.tenant(), id).oneLine()));
        return names;
    }

    private Map<String, String> patientNames(Caller caller, List<AppointmentView> listed) {
        var ids = listed.stream().map(AppointmentView::patientId).distinct().toList();
        return patients.several(caller, ids).stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.firstName() + " " + p.lastName(), (a, b) -> a));
    }
}
