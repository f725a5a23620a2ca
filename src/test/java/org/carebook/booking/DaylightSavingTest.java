package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** The New York nights of 2027 on which the clocks change, with a block of hours across each change. */
class DaylightSavingTest extends ApiTest {

    private static final String SPRING = "2027-03-14";
    private static final String AUTUMN = "2027-11-07";

    private Clinic clinic;
    private String doctor;
    private String type;

    private void nightClinic() {
        clinic = Clinic.in(newOrganization(), "America/New_York");
        doctor = clinic.clinician("Dr Night");
        clinic.everyDay(doctor, "00:00", "04:00");
        type = clinic.type("duration_minutes", 30);
    }

    @Test
    void springNightSkipsTheHourThatDoesNotExist() {
        nightClinic();

        assertThat(clinic.starts(type, SPRING, SPRING))
                .containsExactly(
                        "2027-03-14T00:00:00-05:00", "2027-03-14T00:30:00-05:00",
                        "2027-03-14T01:00:00-05:00", "2027-03-14T01:30:00-05:00",
                        "2027-03-14T03:00:00-04:00", "2027-03-14T03:30:00-04:00");
    }

    @Test
    void autumnNightOffersOneOClockTwiceWithTwoOffsets() {
        nightClinic();

        assertThat(clinic.starts(type, AUTUMN, AUTUMN))
                .containsExactly(
                        "2027-11-07T00:00:00-04:00", "2027-11-07T00:30:00-04:00",
                        "2027-11-07T01:00:00-04:00", "2027-11-07T01:30:00-04:00",
                        "2027-11-07T01:00:00-05:00", "2027-11-07T01:30:00-05:00",
                        "2027-11-07T02:00:00-05:00", "2027-11-07T02:30:00-05:00",
                        "2027-11-07T03:00:00-05:00", "2027-11-07T03:30:00-05:00");
    }

    @Test
    void aLocalTimeThatDoesNotExistCannotBeHeld() {
        nightClinic();

        var hold = clinic.holdAtLocalTime(type, doctor, SPRING, "02:30");

        assertThat(hold.status()).isEqualTo(422);
        assertThat(hold.reason()).isEqualTo("slot_unavailable");
    }

    @Test
    void anAmbiguousLocalTimeMeansItsFirstOccurrence() {
        nightClinic();

        var first = Clinic.expect(clinic.holdAtLocalTime(type, doctor, AUTUMN, "01:30"), 201);
        var second = Clinic.expect(clinic.hold(clinic.api, type, doctor, "2027-11-07T01:30:00-05:00"), 201);

        assertThat(first.data().get("start_time").stringValue()).isEqualTo("2027-11-07T01:30:00-04:00");
        assertThat(second.data().get("end_time").stringValue()).isEqualTo("2027-11-07T02:00:00-05:00");
    }

    @Test
    void slotsStepByElapsedTimeAcrossTheChange() {
        clinic = Clinic.in(newOrganization(), "America/New_York");
        doctor = clinic.clinician("Dr Night");
        clinic.everyDay(doctor, "01:15", "04:00");
        type = clinic.type("duration_minutes", 30, "slot_interval_minutes", 45);

        assertThat(clinic.starts(type, SPRING, SPRING))
                .containsExactly("2027-03-14T01:15:00-05:00", "2027-03-14T03:00:00-04:00");
    }
}
