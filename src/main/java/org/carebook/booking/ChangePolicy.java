package org.carebook.booking;

import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.CarebookException;

/**
 * What the clinic's rules let a patient change of one appointment by themselves: cancel until
 * {@code cancelUntil}, reschedule until {@code rescheduleUntil} and {@code reschedulesLeft} more times
 * ({@code null}: no such rule), and the phone number to call when they may not.
 */
public record ChangePolicy(Instant cancelUntil, Instant rescheduleUntil, Integer reschedulesLeft, String clinicPhone) {

    public boolean mayCancel(Instant now) {
        return cancelRefusal(now).isEmpty();
    }

    public boolean mayReschedule(Instant now) {
        return rescheduleRefusal(now).isEmpty();
    }

    /** Why a patient may not cancel now, if they may not: a 409 that says whom to call. */
    public Optional<CarebookException> cancelRefusal(Instant now) {
        return cancelUntil != null && !now.isBefore(cancelUntil)
                ? Optional.of(refused("notice_period_passed", "This appointment can no longer be cancelled online."))
                : Optional.empty();
    }

    /** Why a patient may not reschedule now, if they may not. */
    public Optional<CarebookException> rescheduleRefusal(Instant now) {
        if (reschedulesLeft != null && reschedulesLeft == 0) {
            return Optional.of(refused(
                    "reschedule_limit_reached", "This appointment has been moved as often as can be done online."));
        }
        return rescheduleUntil != null && !now.isBefore(rescheduleUntil)
                ? Optional.of(refused("notice_period_passed", "This appointment can no longer be moved online."))
                : Optional.empty();
    }

    private CarebookException refused(String reason, String message) {
        String call =
                clinicPhone == null ? " Please contact the clinic." : " Please call the clinic on " + clinicPhone + ".";
        return CarebookException.conflict(reason, message + call);
    }
}
