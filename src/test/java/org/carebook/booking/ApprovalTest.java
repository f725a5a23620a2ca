package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.Mailbox;
import org.carebook.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Online bookings a clinic approves first (docs/api.md §6): pending with their time kept, approved with the
 * confirmation and reminders, declined (by hand or when nobody approved them in time) with the time freed and the
 * patient told. E-mail through a real SMTP server; the automatic decline by moving the server's clock.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.notification-poll=PT0.2S",
            "carebook.hold-sweep=PT0.5S"
        })
@Import(MutableClock.Configuration.class)
class ApprovalTest extends ApiTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String NINE = "2027-01-12T09:00:00Z";

    @Autowired
    MutableClock clock;

    private Org org;
    private Mailbox mailbox;
    private Clinic clinic;
    private String doctor;
    private String surgery;

    @BeforeEach
    void clinic() {
        org = newOrganization();
        clinic = Clinic.in(org, "Europe/London");
        mailbox = Mailbox.of(mail, org);
        doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00");
        surgery = clinic.type("name", "Minor surgery", "requires_approval", true);
    }

    @Test
    void anOnlineBookingOfATypeThatNeedsApprovalIsPendingAndKeepsItsTime() throws Exception {
        var booked = bookOnline(surgery, NINE, mailbox.address("ada"));

        assertThat(booked.get("status").stringValue()).isEqualTo("pending");
        assertThat(clinic.starts(surgery, "2027-01-12", "2027-01-12")).doesNotContain(NINE);
        assertThat(clinic.book(surgery, doctor, clinic.patient(), NINE).reason())
                .isEqualTo("slot_taken");
        var requested = awaitMail(1).get(0);
        assertThat(requested.getSubject()).contains("request has arrived");
        assertThat(requested.getContentType()).doesNotContain("calendar");
        assertThat(kinds(booked.get("id").stringValue())).containsExactly("requested");
    }

    @Test
    void theSameTypeBookedByStaffOrASecretKeyIsConfirmedAtOnce() {
        var booked = Clinic.expect(clinic.book(surgery, doctor, clinic.patient(), NINE), 201);

        assertThat(booked.data().get("status").stringValue()).isEqualTo("confirmed");
    }

    @Test
    void approvingSendsTheConfirmationWithTheManageLinkAndQueuesTheReminder() throws Exception {
        String id = bookOnline(surgery, NINE, mailbox.address("ada")).get("id").stringValue();
        awaitMail(1);

        var approved = Clinic.expect(clinic.api.post("/v1/appointments/" + id + "/confirm", Map.of()), 200);

        assertThat(approved.data().get("status").stringValue()).isEqualTo("confirmed");
        var confirmation = awaitMail(2).get(1);
        assertThat(confirmation.getSubject()).contains("booked");
        assertThat(GreenMailUtil.getBody(confirmation)).contains("/manage#cbm_");
        assertThat(kinds(id)).containsExactlyInAnyOrder("requested", "confirmation", "reminder");
        assertThat(eventIds("appointment.confirmed")).containsExactly(id);
    }

    @Test
    void decliningFreesTheTimeAndTellsThePatientWhy() throws Exception {
        String id = bookOnline(surgery, NINE, mailbox.address("ada")).get("id").stringValue();
        awaitMail(1);

        var declined = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointments/" + id + "/decline",
                                Map.of("reason", "Dr Byron needs to see you for an assessment first.")),
                        200)
                .data();

        assertThat(declined.get("status").stringValue()).isEqualTo("declined");
        assertThat(declined.get("cancelled_by").stringValue()).isEqualTo("clinic");
        assertThat(clinic.starts(surgery, "2027-01-12", "2027-01-12")).contains(NINE);
        var told = awaitMail(2).get(1);
        assertThat(told.getSubject()).contains("declined");
        assertThat(Mailbox.text(told))
                .contains("needs to see you for an assessment first")
                .doesNotContain("/manage#");
        assertThat(kinds(id)).containsExactlyInAnyOrder("requested", "declined");
        assertThat(eventIds("appointment.declined")).containsExactly(id);
        assertThat(clinic.api
                        .post("/v1/appointments/" + id + "/confirm", Map.of())
                        .reason())
                .isEqualTo("invalid_state");
    }

    @Test
    void onlyAPendingAppointmentCanBeDeclined() {
        String id = Clinic.expect(clinic.book(surgery, doctor, clinic.patient(), NINE), 201)
                .id();

        var refused = clinic.api.post("/v1/appointments/" + id + "/decline", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("invalid_state");
    }

    @Test
    void aPendingBookingNobodyApprovesInTheOrganizationsWindowIsDeclinedAutomatically() throws Exception {
        Clinic.expect(clinic.api.patch("/v1/organization", Map.of("approval_window_hours", 2)), 200);
        String id = bookOnline(surgery, NINE, mailbox.address("ada")).get("id").stringValue();
        String approvedInTime = bookOnline(surgery, "2027-01-12T10:00:00Z", mailbox.address("bea"))
                .get("id")
                .stringValue();
        Clinic.expect(clinic.api.post("/v1/appointments/" + approvedInTime + "/confirm", Map.of()), 200);

        clock.advance(Duration.ofHours(2).plusMinutes(1));

        var declined = Eventually.first(
                () -> List.of(clinic.api.get("/v1/appointments/" + id).data()),
                a -> a.get("status").stringValue().equals("declined"),
                WAIT,
                "the automatic decline");
        assertThat(declined.get("cancellation_reason").stringValue()).contains("in time");
        assertThat(clinic.api
                        .get("/v1/appointments/" + approvedInTime)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("confirmed");
        var event =
                clinic.api.get("/v1/events?type=appointment.declined").data().get(0);
        assertThat(event.get("actor").get("kind").stringValue()).isEqualTo("system");
        Eventually.first(() -> kinds(id), "declined"::equals, WAIT, "the patient told");
    }

    @Test
    void anOrganizationMayHoldBackOnlineBookingsOfPatientsItHasNotSeen() throws Exception {
        Clinic.expect(clinic.api.patch("/v1/organization", Map.of("approve_new_patients", true)), 200);
        String everyday = clinic.type("name", "Check-up");
        String known = clinic.patient(
                "first_name",
                "Bea",
                "last_name",
                "Lovelace",
                "date_of_birth",
                "1990-12-10",
                "email",
                mailbox.address("bea"));
        Clinic.expect(clinic.book(everyday, doctor, known, "2027-01-05T09:00:00Z"), 201);

        var stranger = bookOnline(everyday, NINE, mailbox.address("ada"));
        var regular = bookOnline(everyday, "2027-01-12T10:00:00Z", mailbox.address("bea"));

        assertThat(stranger.get("status").stringValue()).isEqualTo("pending");
        assertThat(regular.get("status").stringValue()).isEqualTo("confirmed");
    }

    /** What the widget does: hold with the publishable key, then confirm with the patient's details. */
    private JsonNode bookOnline(String type, String start, String email) {
        Api widget = org.publishable();
        var hold = Clinic.expect(clinic.hold(widget, type, doctor, start), 201);
        String first = email.substring(0, 1).toUpperCase() + email.substring(1, email.indexOf('@'));
        var patient =
                Map.of("first_name", first, "last_name", "Lovelace", "email", email, "date_of_birth", "1990-12-10");
        return Clinic.expect(widget.post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", patient)), 201)
                .data();
    }

    private List<String> kinds(String appointmentId) {
        var kinds = new ArrayList<String>();
        clinic.api
                .get("/v1/notifications?appointment_id=" + appointmentId)
                .data()
                .forEach(n -> kinds.add(n.get("kind").stringValue()));
        return kinds;
    }

    private List<String> eventIds(String type) {
        var ids = new ArrayList<String>();
        clinic.api
                .get("/v1/events?type=" + type)
                .data()
                .forEach(e -> ids.add(e.get("data").get("object").get("id").stringValue()));
        return ids;
    }

    private List<MimeMessage> awaitMail(int count) throws InterruptedException {
        return mailbox.await(count);
    }
}
