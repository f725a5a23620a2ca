package org.carebook.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.carebook.catalog.AppointmentTypeDraft;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianDraft;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Hours;
import org.carebook.catalog.LocationDraft;
import org.carebook.catalog.Locations;
import org.carebook.catalog.ScheduleDraft;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Address;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/** The demo clinic's catalogue: a location with rooms, three clinicians, four services and weekday hours. */
@Component
class DemoCatalogue {

    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday");

    private final Locations locations;
    private final Clinicians clinicians;
    private final AppointmentTypes types;
    private final Schedules schedules;

    DemoCatalogue(Locations locations, Clinicians clinicians, AppointmentTypes types, Schedules schedules) {
        this.locations = locations;
        this.clinicians = clinicians;
        this.types = types;
        this.schedules = schedules;
    }

    void seed(Tenant tenant) {
        var location = locations.create(
                tenant,
                Change.whole(new LocationDraft(
                        "London Bridge Clinic",
                        "Europe/London",
                        new Address("12 Tooley Street", null, "London", "Greater London", "SE1 2SY", "GB"),
                        "+442079460000",
                        Map.of())),
                new Problems());
        for (String room : List.of("Room 1", "Room 2", "Treatment room")) {
            locations.addRoom(tenant, location.id(), room);
        }
        var clinicianIds = List.of(
                clinician(tenant, "Dr Amara Okafor", "Dr", "General practice"),
                clinician(tenant, "Dr Tomás Silva", "Dr", "General practice"),
                clinician(tenant, "Priya Raman", "MCSP", "Physiotherapy"));
        var gp = type(tenant, "General consultation", 20, "65.00", List.of("in_person"), false, 0);
        var physio = type(tenant, "Physiotherapy session", 45, "80.00", List.of("in_person"), true, 5);
        var video = type(tenant, "Video consultation", 15, "45.00", List.of("remote"), false, 0);
        var review = type(tenant, "Medication review", 30, "55.00", List.of("in_person", "remote"), false, 0);
        var hours = WEEKDAYS.stream()
                .flatMap(day -> List.of(new Hours(day, "09:00", "12:30"), new Hours(day, "13:30", "17:00")).stream())
                .toList();
        schedule(tenant, clinicianIds.get(0), location.id(), false, hours, List.of(gp, review));
        schedule(tenant, clinicianIds.get(1), location.id(), false, hours, List.of(gp, review));
        schedule(tenant, clinicianIds.get(2), location.id(), false, hours, List.of(physio));
        var evenings =
                WEEKDAYS.stream().map(day -> new Hours(day, "17:30", "19:30")).toList();
        schedule(tenant, clinicianIds.get(1), null, true, evenings, List.of(video, review));
    }

    private String clinician(Tenant tenant, String name, String title, String specialty) {
        return clinicians
                .create(
                        tenant,
                        Change.whole(new ClinicianDraft(
                                name, title, specialty, null, null, true, "Europe/London", Map.of())),
                        new Problems())
                .id();
    }

    private String type(
            Tenant tenant, String name, int minutes, String price, List<String> modes, boolean room, int bufferAfter) {
        return types.create(
                        tenant,
                        Change.whole(new AppointmentTypeDraft(
                                name,
                                null,
                                minutes,
                                new BigDecimal(price),
                                "GBP",
                                true,
                                true,
                                modes,
                                0,
                                bufferAfter,
                                60,
                                90,
                                minutes,
                                room,
                                1,
                                false,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                null)),
                        new Problems())
                .id();
    }

    private void schedule(
            Tenant tenant,
            String clinicianId,
            String locationId,
            boolean remote,
            List<Hours> hours,
            List<String> typeIds) {
        schedules.create(
                tenant,
                Change.whole(new ScheduleDraft(
                        clinicianId, locationId, remote, "Europe/London", hours, null, null, typeIds, List.of(), true)),
                new Problems());
    }
}
