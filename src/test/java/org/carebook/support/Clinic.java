package org.carebook.support;

import java.util.List;
import java.util.Map;

/**
 * A small clinic made over the API for booking tests: one location in {@code zone}, clinicians with
 * schedules, and an appointment type. Built by {@link #in}, extended with the small helpers below.
 */
public final class Clinic {

    public final ApiTest.Org org;
    public final Api api;
    public final String locationId;

    private Clinic(ApiTest.Org org, Api api, String locationId) {
        this.org = org;
        this.api = api;
        this.locationId = locationId;
    }

    /** A clinic with one clinician who works every day, and one appointment type: enough to book. */
    public record Practice(Clinic clinic, String doctor, String type) {}

    /** In London: Dr Ada Byron works 09:00–17:00 every day; the type is a 30-minute consultation. */
    public static Practice practice(ApiTest.Org org) {
        var clinic = in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        return new Practice(clinic, doctor, clinic.type());
    }

    public static Clinic in(ApiTest.Org org, String zone) {
        return in(org, org.live(), zone);
    }

    /** The same clinic in the organization's test mode (webhooks may go to loopback there). */
    public static Clinic inTestMode(ApiTest.Org org, String zone) {
        return in(org, org.test(), zone);
    }

    private static Clinic in(ApiTest.Org org, Api api, String zone) {
        var location = api.post("/v1/locations", Fixtures.location("timezone", zone));
        expect(location, 201);
        return new Clinic(org, api, location.id());
    }

    public String room(String name) {
        return expect(api.post("/v1/locations/" + locationId + "/rooms", Map.of("name", name)), 201)
                .id();
    }

    public String clinician(String name) {
        return expect(api.post("/v1/clinicians", Fixtures.clinician("name", name)), 201)
                .id();
    }

    /** An appointment type; overrides as in {@link Fixtures#appointmentType}. A long horizon so 2027 dates are bookable. */
    public String type(Object... overrides) {
        var body = Fixtures.with(Fixtures.appointmentType("max_advance_days", 730), overrides);
        return expect(api.post("/v1/appointment-types", body), 201).id();
    }

    /** The id of the clinician's first schedule. */
    public String scheduleOf(String clinicianId) {
        return expect(api.get("/v1/schedules?clinician_id=" + clinicianId), 200)
                .data()
                .get(0)
                .get("id")
                .stringValue();
    }

    /** A schedule with the same hours every day of the week. */
    public String everyDay(String clinicianId, String start, String end, Object... overrides) {
        var body = Fixtures.with(
                Fixtures.schedule(clinicianId, locationId, "weekly_hours", hoursEveryDay(start, end)), overrides);
        return expect(api.post("/v1/schedules", body), 201).id();
    }

    /** {@code weekly_hours} with the same block on all seven days. */
    public static List<Map<String, String>> hoursEveryDay(String start, String end) {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("day", d.name().toLowerCase(java.util.Locale.ROOT), "start", start, "end", end))
                .toList();
    }

    public Api.Response availability(String typeId, String from, String to, String... query) {
        return api.get("/v1/availability?appointment_type_id=" + typeId + "&start_date=" + from + "&end_date=" + to
                + (query.length == 0 ? "" : "&" + String.join("&", query)));
    }

    /** Start times of the offered slots, as the API renders them. */
    public List<String> starts(String typeId, String from, String to, String... query) {
        var response = expect(availability(typeId, from, to, query), 200);
        var starts = new java.util.ArrayList<String>();
        response.data().forEach(slot -> starts.add(slot.get("start_time").stringValue()));
        return starts;
    }

    /** The instants a clinician is offered on the day of {@code start}: whether that time is free is then seen. */
    public List<java.time.Instant> offeredOnDayOf(String typeId, String clinicianId, String start) {
        String day = start.substring(0, 10);
        return starts(typeId, day, day, "clinician_id=" + clinicianId).stream()
                .map(java.time.Instant::parse)
                .toList();
    }

    /** A hold with whichever clinician is free at that time: the server picks. */
    public Api.Response holdAnyClinician(Api as, String typeId, String startTime) {
        return as.post(
                "/v1/holds", Map.of("appointment_type_id", typeId, "location_id", locationId, "start_time", startTime));
    }

    public Api.Response hold(Api as, String typeId, String clinicianId, String startTime) {
        return as.post(
                "/v1/holds",
                Map.of(
                        "appointment_type_id",
                        typeId,
                        "clinician_id",
                        clinicianId,
                        "location_id",
                        locationId,
                        "start_time",
                        startTime));
    }

    public Api.Response holdAtLocalTime(String typeId, String clinicianId, String date, String time) {
        return api.post(
                "/v1/holds",
                Map.of(
                        "appointment_type_id",
                        typeId,
                        "clinician_id",
                        clinicianId,
                        "location_id",
                        locationId,
                        "date",
                        date,
                        "start_time",
                        time));
    }

    public String patient(Object... overrides) {
        return expect(api.post("/v1/patients", Fixtures.patient(overrides)), 201)
                .id();
    }

    public Api.Response book(String typeId, String clinicianId, String patientId, String start, Object... overrides) {
        return api.post(
                "/v1/appointments",
                Fixtures.with(
                        Map.of(
                                "appointment_type_id",
                                typeId,
                                "clinician_id",
                                clinicianId,
                                "location_id",
                                locationId,
                                "patient_id",
                                patientId,
                                "start_time",
                                start),
                        overrides));
    }

    public static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }
}
