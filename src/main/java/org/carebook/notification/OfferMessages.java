package org.carebook.notification;

import java.time.Clock;
import java.time.Instant;
import org.carebook.events.EventRecorded;
import org.carebook.patient.Patients;
import org.carebook.waitlist.WaitlistEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a waiting patient that a time is held for them, in the offer's transaction: an e-mail and an SMS in their
 * language, with the time, until when it is kept, and the offer's own signed link. No calendar invitation: nothing
 * is booked until they accept, and then the booking's confirmation brings it.
 */
@Component
class OfferMessages {

    private final PlannedMessages planned;
    private final AppointmentFacts facts;
    private final Patients patients;
    private final NotificationSettings sending;
    private final Clock clock;

    OfferMessages(
            PlannedMessages planned,
            AppointmentFacts facts,
            Patients patients,
            NotificationSettings sending,
            Clock clock) {
        this.planned = planned;
        this.facts = facts;
        this.patients = patients;
        this.sending = sending;
        this.clock = clock;
    }

    @EventListener
    void plan(EventRecorded recorded) {
        if (recorded.source() instanceof WaitlistEvent.Offered offered) {
            var tenant = offered.tenant();
            var entry = offered.entry();
            patients.contact(tenant, entry.patientId()).ifPresent(contact -> {
                var offer = entry.offer();
                var settings = facts.settings(tenant);
                var held = new AppointmentFacts.Booked(
                        entry.id(),
                        entry.appointmentTypeId(),
                        offer.clinicianId(),
                        offer.locationId(),
                        offer.locationId() == null,
                        offer.startTime().toInstant(),
                        offer.endTime().toInstant(),
                        null,
                        null);
                var about = facts.offered(tenant, settings, held, contact, offer.id());
                Instant until = offer.expiresAt().toInstant();
                String phone = sending.smsEnabled() ? contact.phone() : null;
                Instant now = clock.instant();
                planned.queue(
                        tenant,
                        settings,
                        NotificationRepository.About.waitlistEntry(entry.id()),
                        Messages.Kind.WAITLIST_OFFER,
                        contact.email() == null
                                ? null
                                : new PlannedMessages.Addressed(contact.email(), Messages.offerEmail(about, until)),
                        phone == null ? null : new PlannedMessages.Addressed(phone, Messages.offerSms(about, until)),
                        now,
                        now);
            });
        }
    }
}
