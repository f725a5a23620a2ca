package org.carebook.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How messages write an appointment's time: in its location's clock, with the zone's name of that moment. */
class MessagesTest {

    @Test
    void aLondonAppointmentSaysGmtInWinterAndBstInSummer() {
        assertThat(Messages.when(at("2026-12-08T10:30:00Z", "Europe/London")))
                .isEqualTo("Tuesday 8 December 2026, 10:30–11:00 (Europe/London, GMT)");
        assertThat(Messages.when(at("2027-07-08T10:30:00Z", "Europe/London")))
                .isEqualTo("Thursday 8 July 2027, 11:30–12:00 (Europe/London, BST)");
    }

    @Test
    void otherZonesSayTheirOwnAbbreviationOfTheMoment() {
        assertThat(Messages.when(at("2027-01-12T15:00:00Z", "America/New_York")))
                .endsWith("(America/New_York, EST)");
        assertThat(Messages.when(at("2027-07-12T15:00:00Z", "America/New_York")))
                .endsWith("(America/New_York, EDT)");
    }

    private static Messages.Appointment at(String start, String zone) {
        Instant from = Instant.parse(start);
        return new Messages.Appointment(
                "apt_1",
                "Clinic",
                "Consultation",
                "Dr Ada Byron",
                from,
                from.plusSeconds(1800),
                ZoneId.of(zone),
                false,
                "Harley Street",
                "Grace",
                1);
    }
}
