package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ChangeRules;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The clinic's rules for changes applied to one appointment: its type's rules over its organization's. A
 * patient is refused a change the rules no longer allow and told whom to call; the clinic may still make it,
 * and a cancellation it makes inside the notice period is marked late.
 */
@Component
class ChangePolicies {

    private final BookingReferences references;
    private final Organizations organizations;

    ChangePolicies(BookingReferences references, Organizations organizations) {
        this.references = references;
        this.organizations = organizations;
    }

    ChangePolicy of(Caller caller, Appointment appointment) {
        OrganizationSettings settings = organizations.settings(caller.tenant());
        ChangeRules rules = references
                .type(caller, appointment.appointmentTypeId())
                .changeRules()
                .or(settings.changeRules());
        Instant start = appointment.placement().start();
        var location =
                references.location(caller.tenant(), appointment.placement().locationId());
        String phone = location != null && location.phone() != null ? location.phone() : settings.phone();
        return new ChangePolicy(
                before(start, rules.cancelNoticeHours()),
                before(start, rules.rescheduleNoticeHours()),
                rules.maxReschedules() == null
                        ? null
                        : Math.max(0, rules.maxReschedules() - appointment.rescheduleCount()),
                phone);
    }

    /** Whether this cancellation is late; a patient's late one is refused. */
    boolean checkCancel(Caller caller, Appointment appointment, Instant now) {
        var refusal = of(caller, appointment).cancelRefusal(now);
        if (caller.isPatient() && refusal.isPresent()) {
            throw refusal.get();
        }
        return refusal.isPresent();
    }

    /** Refuses a patient a reschedule the rules no longer allow; the clinic may always reschedule. */
    void checkReschedule(Caller caller, Appointment appointment, Instant now) {
        if (caller.isPatient()) {
            of(caller, appointment).rescheduleRefusal(now).ifPresent(refusal -> {
                throw refusal;
            });
        }
    }

    private static Instant before(Instant start, Integer hours) {
        return hours == null ? null : start.minus(Duration.ofHours(hours));
    }
}
