package org.carebook.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What patient messages say: the time in the location's clock and the patient's language, and the manage link. */
class MessagesTest {

    private static final String LINK = "https://book.clinic.example/manage#cbm_mlk_1.key_1.sig";

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

    @Test
    void aGermanPatientReadsTheTimeInGermanAndAnUnknownLanguageGetsEnglish() {
        assertThat(Messages.when(at("2026-12-08T10:30:00Z", "Europe/London", Messages.locale("de-AT"))))
                .isEqualTo("Dienstag, 8. Dezember 2026, 10:30–11:00 (Europe/London, GMT)");
        assertThat(Messages.when(at("2026-12-08T10:30:00Z", "Europe/London", Messages.locale("es"))))
                .startsWith("martes, 8 de diciembre de 2026, 10:30–11:00");
        assertThat(Messages.locale("fi")).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(Messages.locale(null)).isEqualTo(java.util.Locale.ENGLISH);
    }

    @Test
    void theManageLinkIsInTheEmailTheSmsAndTheCalendarFileButNotInACancellation() {
        var booked = at("2026-12-08T10:30:00Z", "Europe/London", Messages.locale("fr"));
        var email = Messages.email(Messages.Kind.CONFIRMATION, booked, "c@example.com", "p@example.com", Instant.EPOCH);
        assertThat(email.subject()).isEqualTo("Clinic: Votre rendez-vous est réservé.");
        assertThat(email.text()).contains("Bonjour Grace,").contains(LINK);
        assertThat(email.html()).contains("<html lang=\"fr\">").contains("href=\"" + LINK + "\"");
        assertThat(email.calendar()).contains("URL:" + LINK).contains("SUMMARY:Consultation avec Dr Ada Byron");
        assertThat(Messages.sms(Messages.Kind.CONFIRMATION, booked).text()).endsWith("Modifier ou annuler : " + LINK);

        var cancelled = new Messages.Appointment(
                "apt_1",
                "Clinic",
                "Consultation",
                "Dr Ada Byron",
                booked.start(),
                booked.end(),
                booked.zone(),
                false,
                "Harley Street",
                "Grace",
                2,
                java.util.Locale.ENGLISH,
                null,
                null);
        var cancellation =
                Messages.email(Messages.Kind.CANCELLATION, cancelled, "c@example.com", "p@example.com", Instant.EPOCH);
        assertThat(cancellation.text()).doesNotContain("/manage").doesNotContain("{{");
        assertThat(cancellation.html()).doesNotContain("/manage").doesNotContain("{{");
    }

    private static Messages.Appointment at(String start, String zone, java.util.Locale locale) {
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
                1,
                locale,
                LINK,
                null);
    }

    private static Messages.Appointment at(String start, String zone) {
        return at(start, zone, java.util.Locale.ENGLISH);
    }
}
