package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.carebook.client.ApiClient;
import org.carebook.client.ApiException;
import org.carebook.client.api.AppointmentTypesApi;
import org.carebook.client.api.AppointmentsApi;
import org.carebook.client.api.AvailabilityApi;
import org.carebook.client.api.CliniciansApi;
import org.carebook.client.api.HoldsApi;
import org.carebook.client.api.LocationsApi;
import org.carebook.client.api.SchedulesApi;
import org.carebook.client.model.AppointmentTypeRequest;
import org.carebook.client.model.AppointmentView;
import org.carebook.client.model.ClinicianRequest;
import org.carebook.client.model.ConfirmHoldRequest;
import org.carebook.client.model.ErrorEnvelope;
import org.carebook.client.model.HoldView;
import org.carebook.client.model.LocationRequest;
import org.carebook.client.model.PatientRequest;
import org.carebook.client.model.PlaceHoldRequest;
import org.carebook.client.model.ScheduleRequest;
import org.carebook.client.model.SlotView;
import org.carebook.client.model.WeeklyHours;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes from the served document (carebook-client/openapi.json, kept
 * equal to it by {@link OpenApiDocumentTest}) sets up a clinic and books through the real server, as an
 * integrator's code would: find a time, hold it, confirm it.
 */
class GeneratedClientTest extends ApiTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void anIntegratorFindsATimeHoldsItAndConfirmsItThroughTheGeneratedClient() throws Exception {
        var client = client(newOrganization().live().key());
        String location = new LocationsApi(client)
                .createLocation(new LocationRequest().name("Riverside Clinic").timezone("Europe/London"), null)
                .getData()
                .getId();
        String clinician = new CliniciansApi(client)
                .createClinician(new ClinicianRequest().name("Dr Ada Okafor"), null)
                .getData()
                .getId();
        new SchedulesApi(client)
                .createSchedule(
                        new ScheduleRequest()
                                .clinicianId(clinician)
                                .locationId(location)
                                .weeklyHours(everyDay("09:00", "17:00")),
                        null);
        String type = new AppointmentTypesApi(client)
                .createAppointmentType(
                        new AppointmentTypeRequest().name("Initial assessment").durationMinutes(45), null)
                .getData()
                .getId();

        LocalDate tomorrow = LocalDate.now(LONDON).plusDays(1);
        List<SlotView> slots = new AvailabilityApi(client)
                .findAvailability(type, tomorrow, tomorrow.plusDays(6), clinician, null, null, null)
                .getData();
        assertThat(slots).isNotEmpty();
        SlotView slot = slots.get(0);

        var holds = new HoldsApi(client);
        var hold = holds.placeHold(hold(type, clinician, location, slot), "hold-" + slot.getStartTime())
                .getData();
        assertThat(hold.getStatus()).isEqualTo(HoldView.StatusEnum.ACTIVE);
        var appointment = holds.confirmHold(
                        hold.getId(),
                        new ConfirmHoldRequest()
                                .patient(new PatientRequest()
                                        .firstName("Grace")
                                        .lastName("Hopper")
                                        .dateOfBirth(LocalDate.of(1986, 12, 9))
                                        .email("grace@example.org"))
                                .reason("Knee pain"),
                        null)
                .getData();

        var booked =
                new AppointmentsApi(client).getAppointment(appointment.getId()).getData();
        assertThat(booked.getStatus()).isEqualTo(AppointmentView.StatusEnum.CONFIRMED);
        assertThat(booked.getStartTime().toInstant())
                .isEqualTo(slot.getStartTime().toInstant());
        assertThat(booked.getPatientId()).startsWith("pat_");

        var taken = catchThrowableOfType(
                ApiException.class, () -> holds.placeHold(hold(type, clinician, location, slot), null));
        assertThat(taken.getCode()).isEqualTo(409);
        var error = client.getObjectMapper().readValue(taken.getResponseBody(), ErrorEnvelope.class);
        assertThat(error.getError().getReason()).isEqualTo("slot_taken");
    }

    private ApiClient client(String key) {
        var client = new ApiClient();
        client.updateBaseUri(base);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    private static PlaceHoldRequest hold(String type, String clinician, String location, SlotView slot) {
        return new PlaceHoldRequest()
                .appointmentTypeId(type)
                .clinicianId(clinician)
                .locationId(location)
                .startTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(slot.getStartTime()));
    }

    private static List<WeeklyHours> everyDay(String start, String end) {
        return java.util.Arrays.stream(WeeklyHours.DayEnum.values())
                .filter(day -> day != WeeklyHours.DayEnum.UNKNOWN_DEFAULT_OPEN_API) // the client's "not known yet"
                .map(day -> new WeeklyHours().day(day).start(start).end(end))
                .toList();
    }
}
