package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an appointment event says: the names of what changed, never the values of what was written. */
class AppointmentChangedTest {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2027, 3, 28, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void namesTheFieldsThatDifferInTheApisSpelling() {
        var before = appointment(AppointmentStatus.CONFIRMED, NINE, "Chest pain", null);
        var after = appointment(AppointmentStatus.CANCELLED, NINE, "Chest pain", "Feels worse");

        assertThat(AppointmentChanged.between(before, after)).containsExactly("status", "cancellation_reason");
    }

    @Test
    void theSameInstantInAnotherOffsetIsNoChange() {
        var before = appointment(AppointmentStatus.CONFIRMED, NINE, null, null);
        var after =
                appointment(AppointmentStatus.CONFIRMED, NINE.withOffsetSameInstant(ZoneOffset.ofHours(1)), null, null);

        assertThat(AppointmentChanged.between(before, after)).isEmpty();
    }

    @Test
    void theEventsObjectCarriesNoTextThatWasWritten() {
        var changed = AppointmentChanged.of(
                appointment(AppointmentStatus.CONFIRMED, NINE, "Chest pain", "Feels worse"), List.of());

        assertThat(changed.toString()).doesNotContain("Chest pain", "Feels worse", "Penicillin", "Maria");
        assertThat(AppointmentChanged.class.getRecordComponents())
                .extracting(c -> c.getName())
                .doesNotContain("notes", "reason", "title", "insurance", "attendeeName", "cancellationReason");
    }

    private static AppointmentView appointment(
            AppointmentStatus status, OffsetDateTime start, String reason, String cancellation) {
        return new AppointmentView(
                "apt_1",
                status,
                "pat_1",
                "typ_1",
                "clin_1",
                "loc_1",
                null,
                false,
                "Europe/London",
                "Follow-up",
                start,
                start.plusMinutes(30),
                30,
                reason,
                "Penicillin",
                null,
                null,
                "Maria",
                null,
                null,
                null,
                "api",
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                cancellation,
                null,
                null,
                false,
                0,
                false,
                start.minusDays(1),
                start.minusDays(1));
    }
}
