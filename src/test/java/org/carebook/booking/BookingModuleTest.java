package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.carebook.catalog.AppointmentTypeDraft;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianDraft;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationDraft;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Address;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.organization.Organizations;
import org.carebook.patient.PatientDraft;
import org.carebook.support.ModuleFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The booking module with only the modules it may use (catalogue, patients, organization, audit, events, and
 * database, whose DataSource routes reads to standbys): the appointment's life through its facade, with the
 * database's guard deciding what collides. No HTTP.
 */
@Tag("integration")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class BookingModuleTest {

    private static final Instant TEN = Instant.parse("2027-04-12T09:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleFixtures.databaseModule(registry);
    }

    @Autowired
    Appointments appointments;

    @Autowired
    Organizations organizations;

    @Autowired
    Locations locations;

    @Autowired
    Clinicians clinicians;

    @Autowired
    AppointmentTypes types;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondBookingOfATimeIsRefusedByTheDatabaseAndTheFirstLivesItsLife() {
        var clinic = clinic();
        var first = appointments.book(clinic.caller(), clinic.booking("Grace", TEN), new Problems());

        assertThatThrownBy(() -> appointments.book(clinic.caller(), clinic.booking("Alan", TEN), new Problems()))
                .isInstanceOfSatisfying(
                        CarebookException.class, e -> assertThat(e.reason()).isEqualTo("slot_taken"));

        appointments.checkIn(clinic.caller(), first.id());
        var done = appointments.complete(clinic.caller(), first.id());
        assertThat(done.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(done.checkedInAt()).isNotNull();
        assertThat(jdbc.sql("SELECT type FROM events WHERE appointment_id = :id ORDER BY sequence")
                        .param("id", first.id())
                        .query(String.class)
                        .list())
                .containsExactly("appointment.created", "appointment.checked_in", "appointment.completed");
    }

    @Test
    void aCancelledTimeIsFreeAtOnceAndTheSavedRowIsWhatTheAnswerSaid() {
        var clinic = clinic();
        var first = appointments.book(clinic.caller(), clinic.booking("Grace", TEN), new Problems());

        var cancelled = appointments.cancel(
                clinic.caller(), first.id(), new CancelAppointment("Feels better", CancelAppointment.By.PATIENT));
        var again = appointments.book(clinic.caller(), clinic.booking("Alan", TEN), new Problems());

        assertThat(again.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(appointments.get(clinic.caller(), first.id())).isEqualTo(cancelled);
    }

    private record Clinic(Caller caller, String type, String clinician, String location) {
        BookAppointment booking(String firstName, Instant start) {
            var patient = new PatientDraft(
                    firstName, "Tester", LocalDate.of(1980, 1, 1), null, null, null, null, null, Map.of(), null);
            return new BookAppointment(
                    new PatientChoice.Inline(patient),
                    type,
                    null,
                    clinician,
                    location,
                    null,
                    null,
                    start,
                    null,
                    null,
                    AppointmentStatus.CONFIRMED,
                    false,
                    AppointmentDetails.NONE,
                    false,
                    null);
        }
    }

    private Clinic clinic() {
        var tenant = ModuleFixtures.clinic(organizations);
        var location = locations.create(
                tenant,
                Change.whole(new LocationDraft("Harley Street", "Europe/London", Address.EMPTY, null, Map.of())),
                new Problems());
        var clinician = clinicians.create(
                tenant, ModuleFixtures.change(ClinicianDraft.class, Map.of("name", "Dr Ada Byron")), new Problems());
        var type = types.create(
                tenant,
                ModuleFixtures.change(
                        AppointmentTypeDraft.class, Map.of("name", "Consultation", "durationMinutes", 30)),
                new Problems());
        return new Clinic(ModuleFixtures.secretKey(tenant), type.id(), clinician.id(), location.id());
    }
}
