package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import org.carebook.kernel.Actor;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Tenant;
import org.junit.jupiter.api.Test;

/** The appointment's named transitions and its life cycle, on the aggregate alone: no server, no database. */
class AppointmentTransitionsTest {

    private static final Instant NINE = Instant.parse("2027-03-29T08:00:00Z");
    private static final Instant BOOKED_AT = Instant.parse("2027-03-01T12:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-20T10:15:00.123456Z");
    private static final Actor DESK = new Actor("staff", "staff_1");

    @Test
    void checkingInStampsTheArrivalAndTellsWhatChanged() {
        var transition = booked(AppointmentStatus.CONFIRMED).checkIn(DESK, NOW);

        assertThat(transition.next().status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(transition.next().checkedInAt()).isEqualTo(NOW);
        assertThat(transition.next().updatedAt()).isEqualTo(NOW);
        var event = (AppointmentEvent.CheckedIn) transition.event().orElseThrow();
        assertThat(event.actor()).isEqualTo(DESK);
        assertThat(event.changed()).containsExactly("status", "checked_in_at");
    }

    @Test
    void confirmingAPendingAppointmentIsToldAsAnApproval() {
        var transition = booked(AppointmentStatus.PENDING).confirm(DESK, NOW);

        assertThat(transition.next().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        var event = (AppointmentEvent.Confirmed) transition.event().orElseThrow();
        assertThat(event.actor()).isEqualTo(DESK);
        assertThat(event.changed()).containsExactly("status");
    }

    @Test
    void aCancellationKeepsWhyWhoAndWhetherItWasLate() {
        var transition = booked(AppointmentStatus.CONFIRMED).cancel(DESK, "Feels better", "patient", true, NOW);

        var cancelled = transition.next();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
        assertThat(cancelled.cancellationReason()).isEqualTo("Feels better");
        assertThat(cancelled.cancelledBy()).isEqualTo("patient");
        assertThat(cancelled.lateCancellation()).isTrue();
        assertThat(transition.event().orElseThrow()).isInstanceOf(AppointmentEvent.Cancelled.class);
    }

    @Test
    void everyMoveCountsAndTellsTheNewTimes() {
        var appointment = booked(AppointmentStatus.CONFIRMED);
        var p = appointment.placement();
        var later = new Placement(
                p.clinicianId(),
                p.locationId(),
                p.roomId(),
                p.remote(),
                p.zone(),
                NINE.plus(Duration.ofHours(2)),
                NINE.plus(Duration.ofMinutes(150)));

        var once = appointment.reschedule(DESK, later, appointment.details(), NOW);
        var twice = once.next().reschedule(DESK, appointment.placement(), appointment.details(), NOW);

        assertThat(once.next().rescheduleCount()).isEqualTo(1);
        assertThat(twice.next().rescheduleCount()).isEqualTo(2);
        assertThat(once.event().orElseThrow().changed()).containsExactly("start_time", "end_time", "reschedule_count");
    }

    @Test
    void onlyAnAppointmentNotYetBegunCanMove() {
        var arrived = booked(AppointmentStatus.CHECKED_IN);

        assertThatThrownBy(() -> arrived.reschedule(DESK, arrived.placement(), arrived.details(), NOW))
                .isInstanceOfSatisfying(
                        CarebookException.class, e -> assertThat(e.reason()).isEqualTo("invalid_state"));
    }

    /** docs/api.md §6, row by row: every other move is refused. */
    @Test
    void theLifeCycleAllowsExactlyTheMovesTheContractLists() {
        var allowed = new java.util.ArrayList<String>();
        for (var from : AppointmentStatus.values()) {
            for (var to : AppointmentStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from.wire() + "→" + to.wire());
                }
            }
        }
        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "pending→confirmed",
                        "pending→checked_in",
                        "confirmed→checked_in",
                        "checked_in→completed",
                        "pending→cancelled",
                        "confirmed→cancelled",
                        "pending→no_show",
                        "confirmed→no_show",
                        "pending→declined");
    }

    @Test
    void declineFreesAPendingBookingAndKeepsTheClinicsReasonAsItsCancellation() {
        var declined = booked(AppointmentStatus.PENDING).decline(DESK, "Assessment first", NOW);

        assertThat(declined.next().status()).isEqualTo(AppointmentStatus.DECLINED);
        assertThat(declined.next().status().blocksTime()).isFalse();
        assertThat(declined.next().cancellationReason()).isEqualTo("Assessment first");
        assertThat(declined.next().cancelledBy()).isEqualTo("clinic");
        assertThat(declined.event()).containsInstanceOf(AppointmentEvent.Declined.class);
        assertThatThrownBy(() -> booked(AppointmentStatus.CONFIRMED).decline(DESK, null, NOW))
                .isInstanceOf(CarebookException.class);
    }

    @Test
    void aFinishedAppointmentRefusesEveryTransition() {
        for (var finished : EnumSet.of(
                AppointmentStatus.COMPLETED,
                AppointmentStatus.CANCELLED,
                AppointmentStatus.NO_SHOW,
                AppointmentStatus.DECLINED)) {
            var appointment = booked(finished);
            assertThatThrownBy(() -> appointment.checkIn(DESK, NOW)).isInstanceOf(CarebookException.class);
            assertThatThrownBy(() -> appointment.complete(DESK, NOW)).isInstanceOf(CarebookException.class);
            assertThatThrownBy(() -> appointment.markNoShow(DESK, NOW)).isInstanceOf(CarebookException.class);
            assertThatThrownBy(() -> appointment.cancel(DESK, null, null, false, NOW))
                    .isInstanceOf(CarebookException.class);
        }
    }

    private static Appointment booked(AppointmentStatus status) {
        var placement = new Placement(
                "clin_1", "loc_1", null, false, ZoneId.of("Europe/London"), NINE, NINE.plus(Duration.ofMinutes(30)));
        return Appointment.booked(
                "apt_1",
                new Tenant("org_1", Mode.LIVE),
                status,
                "pat_1",
                "type_1",
                placement,
                AppointmentDetails.NONE,
                null,
                "api",
                null,
                null,
                false,
                false,
                BOOKED_AT);
    }
}
