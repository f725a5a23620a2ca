package org.carebook.faults;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.carebook.support.ServerProcess;

/** A clinic made through a server process's API for fault tests, and the check that no booking is half written. */
public record Setup(Api api, String type, String clinician, String location, String patient) {

    /** A server process on {@code databaseUrl} whose rate limits never stop a test's load; its files under {@code data}. */
    public static ServerProcess server(Path data, String databaseUrl) {
        return new ServerProcess(
                data.resolve("unused"),
                "DATABASE_URL=" + databaseUrl,
                "carebook.rate-limit-per-second=100000",
                "carebook.rate-limit-per-ip-per-second=100000");
    }

    public static Setup clinic(Api admin) {
        var api = ApiTest.organization(admin, "Fault clinic").live();
        String location = api.post("/v1/locations", Fixtures.location("timezone", "Europe/London"))
                .id();
        String clinician = api.post("/v1/clinicians", Fixtures.clinician("name", "Dr Fault"))
                .id();
        String type = api.post("/v1/appointment-types", Fixtures.appointmentType("max_advance_days", 730))
                .id();
        String patient = api.post("/v1/patients", Fixtures.patient()).id();
        return new Setup(api, type, clinician, location, patient);
    }

    public Api.Response book(Instant start) {
        return book(api, start);
    }

    /** The same booking sent by {@code client}: the clinic's key with headers of its own. */
    public Api.Response book(Api client, Instant start) {
        return client.post(
                "/v1/appointments",
                Map.of(
                        "appointment_type_id",
                        type,
                        "clinician_id",
                        clinician,
                        "location_id",
                        location,
                        "patient_id",
                        patient,
                        "start_time",
                        start.toString()));
    }

    /**
     * Bookings missing a part: an active appointment without its blocking interval or its creation event,
     * or a permanent blocking interval without its appointment. Zero when every transaction was all or nothing.
     */
    public static int halfWritten(String jdbcUrl) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM appointments a
                              WHERE a.status IN ('pending', 'confirmed', 'checked_in')
                                AND NOT EXISTS (SELECT 1 FROM blocking_intervals b WHERE b.owner_id = a.id))
                          + (SELECT count(*) FROM appointments a
                              WHERE NOT EXISTS (SELECT 1 FROM events e
                                                 WHERE e.appointment_id = a.id AND e.type = 'appointment.created'))
                          + (SELECT count(*) FROM blocking_intervals b
                              WHERE b.expires_at IS NULL
                                AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id = b.owner_id))""")) {
            result.next();
            return result.getInt(1);
        }
    }
}
