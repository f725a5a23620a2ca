package org.carebook.fhir;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.carebook.availability.Slot;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.HoldView;
import org.carebook.booking.SlotState;
import org.carebook.kernel.Rfc3339;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;

/** Slots and Appointments: the grid's times, holds as pending appointments, and appointments as booked. */
final class SchedulingResources {

    private SchedulingResources() {}

    /** Where a person books a slot and whom they call: given for published slots (SMART Scheduling Links). */
    record BookingLinks(String deepLink, String phone) {}

    static org.hl7.fhir.r4.model.Slot slot(Slot slot, SlotState state, BookingLinks links) {
        boolean free = state == SlotState.FREE;
        var fhir = new org.hl7.fhir.r4.model.Slot();
        fhir.setId(slotId(slot));
        fhir.setSchedule(CatalogResources.reference("Schedule", slot.scheduleId(), null));
        fhir.setStatus(status(state));
        fhir.setStartElement(instant(slot.start(), slot.zone()));
        fhir.setEndElement(instant(slot.end(), slot.zone()));
        fhir.addServiceType(CatalogResources.serviceType(slot.appointmentTypeId(), null));
        if (free && slot.seats() != null) {
            fhir.addExtension(
                    Canonical.SLOT_CAPACITY, new IntegerType(slot.seats().left()));
        }
        if (links != null) {
            if (links.deepLink() != null) {
                fhir.addExtension(Canonical.BOOKING_DEEP_LINK, new UrlType(links.deepLink()));
            }
            if (links.phone() != null) {
                fhir.addExtension(Canonical.BOOKING_PHONE, new StringType(links.phone()));
            }
        }
        return fhir;
    }

    /** Held and awaiting-approval times are tentative; time off is unavailable (IHE and Argonaut read both). */
    static org.hl7.fhir.r4.model.Slot.SlotStatus status(SlotState state) {
        return switch (state) {
            case FREE -> org.hl7.fhir.r4.model.Slot.SlotStatus.FREE;
            case BUSY -> org.hl7.fhir.r4.model.Slot.SlotStatus.BUSY;
            case BUSY_TENTATIVE -> org.hl7.fhir.r4.model.Slot.SlotStatus.BUSYTENTATIVE;
            case BUSY_UNAVAILABLE -> org.hl7.fhir.r4.model.Slot.SlotStatus.BUSYUNAVAILABLE;
        };
    }

    static String slotId(Slot slot) {
        return new SlotId(slot.scheduleId(), slot.appointmentTypeId(), slot.start()).fhirId();
    }

    /** What {@code $find} offers: an appointment that could be, at a free slot, for the patient if one was named. */
    static Appointment proposed(Slot slot, String patientId) {
        var appointment = new Appointment();
        appointment.setId(slotId(slot)); // a proposal is its slot's: reading it again tells whether it still stands
        appointment.setStatus(AppointmentStatus.PROPOSED);
        appointment.addServiceType(CatalogResources.serviceType(slot.appointmentTypeId(), null));
        appointment.setStartElement(instant(slot.start(), slot.zone()));
        appointment.setEndElement(instant(slot.end(), slot.zone()));
        appointment.addSlot(new Reference("Slot/" + slotId(slot)));
        if (patientId != null) {
            participant(appointment, "Patient", patientId, null, ParticipationStatus.NEEDSACTION);
        }
        participant(
                appointment, "Practitioner", slot.clinicianId(), slot.clinicianName(), ParticipationStatus.NEEDSACTION);
        if (slot.locationId() != null) {
            participant(
                    appointment, "Location", slot.locationId(), slot.locationName(), ParticipationStatus.NEEDSACTION);
        }
        participant(appointment, "HealthcareService", slot.appointmentTypeId(), null, ParticipationStatus.NEEDSACTION);
        return appointment;
    }

    /** An active hold: a pending appointment for nobody yet, whose time is kept until the stated moment. */
    static Appointment pending(HoldView hold) {
        var appointment = new Appointment();
        appointment.setId(FhirIds.toFhir(hold.id()));
        appointment.setMeta(CatalogResources.meta(hold.createdAt().toInstant()));
        appointment.setStatus(AppointmentStatus.PENDING);
        appointment.addServiceType(CatalogResources.serviceType(hold.appointmentTypeId(), null));
        appointment.setStartElement(instant(hold.startTime()));
        appointment.setEndElement(instant(hold.endTime()));
        appointment.setCreated(Date.from(hold.createdAt().toInstant()));
        appointment.addExtension(Canonical.HOLD_EXPIRES, instant(hold.expiresAt()));
        participant(appointment, "Practitioner", hold.clinicianId(), null, ParticipationStatus.TENTATIVE);
        if (hold.locationId() != null) {
            participant(appointment, "Location", hold.locationId(), null, ParticipationStatus.TENTATIVE);
        }
        participant(appointment, "HealthcareService", hold.appointmentTypeId(), null, ParticipationStatus.TENTATIVE);
        return appointment;
    }

    /** A hold let go through {@code $book} with status cancelled: its time is free again. */
    static Appointment released(HoldView hold) {
        var appointment = pending(hold);
        appointment.setStatus(AppointmentStatus.CANCELLED);
        appointment.getExtension().removeIf(e -> Canonical.HOLD_EXPIRES.equals(e.getUrl()));
        return appointment;
    }

    static Appointment appointment(AppointmentView view) {
        var appointment = new Appointment();
        appointment.setId(FhirIds.toFhir(view.id()));
        appointment.setMeta(CatalogResources.meta(view.updatedAt().toInstant()));
        appointment.setIdentifier(CatalogResources.identifiers(view.externalIds()));
        appointment.setStatus(status(view.status()));
        appointment.addServiceType(CatalogResources.serviceType(view.appointmentTypeId(), null));
        appointment.setStartElement(instant(view.startTime()));
        appointment.setEndElement(instant(view.endTime()));
        appointment.setMinutesDuration((int) view.durationMinutes());
        appointment.setCreated(Date.from(view.createdAt().toInstant()));
        if (view.title() != null) {
            appointment.setDescription(view.title());
        }
        if (view.reason() != null) {
            appointment.addReasonCode(new CodeableConcept().setText(view.reason()));
        }
        if (view.notes() != null) {
            appointment.setComment(view.notes());
        }
        if (view.cancellationReason() != null && view.status() == org.carebook.booking.AppointmentStatus.CANCELLED) {
            appointment.setCancelationReason(new CodeableConcept().setText(view.cancellationReason()));
        }
        var taking = view.status() == org.carebook.booking.AppointmentStatus.CANCELLED
                ? ParticipationStatus.DECLINED
                : ParticipationStatus.ACCEPTED;
        if (view.patientId() != null) {
            participant(appointment, "Patient", view.patientId(), null, taking);
        }
        participant(appointment, "Practitioner", view.clinicianId(), null, taking);
        if (view.locationId() != null) {
            participant(appointment, "Location", view.locationId(), null, taking);
        }
        participant(appointment, "HealthcareService", view.appointmentTypeId(), null, taking);
        return appointment;
    }

    /** Carebook's life cycle in FHIR's words; they agree step for step, but FHIR has no declined: it is cancelled. */
    static AppointmentStatus status(org.carebook.booking.AppointmentStatus status) {
        return switch (status) {
            case PENDING -> AppointmentStatus.PENDING;
            case CONFIRMED -> AppointmentStatus.BOOKED;
            case CHECKED_IN -> AppointmentStatus.CHECKEDIN;
            case COMPLETED -> AppointmentStatus.FULFILLED;
            case CANCELLED, DECLINED -> AppointmentStatus.CANCELLED;
            case NO_SHOW -> AppointmentStatus.NOSHOW;
        };
    }

    /** The Carebook status a FHIR status names, for searches; null where Carebook has none (proposed, waitlist…). */
    static org.carebook.booking.AppointmentStatus carebookStatus(String fhir) {
        return switch (fhir) {
            case "pending" -> org.carebook.booking.AppointmentStatus.PENDING;
            case "booked" -> org.carebook.booking.AppointmentStatus.CONFIRMED;
            case "checked-in" -> org.carebook.booking.AppointmentStatus.CHECKED_IN;
            case "fulfilled" -> org.carebook.booking.AppointmentStatus.COMPLETED;
            case "cancelled" -> org.carebook.booking.AppointmentStatus.CANCELLED;
            case "noshow" -> org.carebook.booking.AppointmentStatus.NO_SHOW;
            default -> null;
        };
    }

    private static void participant(
            Appointment appointment, String type, String id, String display, ParticipationStatus status) {
        appointment
                .addParticipant()
                .setActor(CatalogResources.reference(type, id, display))
                .setRequired(ParticipantRequired.REQUIRED)
                .setStatus(status);
    }

    static InstantType instant(Instant instant, ZoneId zone) {
        return new InstantType(Rfc3339.format(instant, zone.getRules().getOffset(instant)));
    }

    static InstantType instant(OffsetDateTime time) {
        return new InstantType(Rfc3339.format(time.toInstant(), time.getOffset()));
    }
}
