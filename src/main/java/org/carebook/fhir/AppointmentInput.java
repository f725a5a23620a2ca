package org.carebook.fhir;

import java.time.Instant;
import java.util.Optional;
import org.carebook.booking.AppointmentDetails;
import org.carebook.booking.PatientChoice;
import org.carebook.kernel.CarebookException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The Appointment an operation was given ({@code $hold}, {@code $book}), read into what Carebook's commands need:
 * which slot or which clinician, place, type and time; for whom; and what the booking says.
 */
final class AppointmentInput {

    private final Appointment appointment;

    private AppointmentInput(Appointment appointment) {
        this.appointment = appointment;
    }

    /** From a Parameters resource's {@code appointment} part, or from an Appointment sent as it is. */
    static AppointmentInput of(IBaseResource body) {
        if (body instanceof Appointment appointment) {
            return new AppointmentInput(appointment);
        }
        if (body instanceof Parameters parameters) {
            return parameters.getParameter().stream()
                    .filter(p -> p.getName().equals("appointment") && p.getResource() instanceof Appointment)
                    .map(p -> new AppointmentInput((Appointment) p.getResource()))
                    .findFirst()
                    .orElseThrow(() -> FhirQuery.invalid("appointment", "is required: the Appointment to act on"));
        }
        throw CarebookException.badRequest(
                "malformed_resource", "Send a Parameters resource with an 'appointment', or an Appointment.");
    }

    Appointment appointment() {
        return appointment;
    }

    /** The id it already has, if any: a hold's ({@code hold-…}) or an appointment's ({@code apt-…}). */
    Optional<String> id() {
        return appointment.hasIdElement() && appointment.getIdElement().hasIdPart()
                ? Optional.of(appointment.getIdElement().getIdPart())
                : Optional.empty();
    }

    Optional<SlotId> slot() {
        return appointment.getSlot().stream()
                .map(Reference::getReference)
                .filter(r -> r != null && r.contains("Slot/"))
                .map(r -> SlotId.parse(r.substring(r.lastIndexOf("Slot/") + 5))
                        .orElseThrow(() -> FhirQuery.invalid("appointment.slot", "names no slot of this server")))
                .findFirst();
    }

    Instant start() {
        return appointment.hasStart() ? appointment.getStart().toInstant() : null;
    }

    Instant end() {
        return appointment.hasEnd() ? appointment.getEnd().toInstant() : null;
    }

    /** The id of the participant of that type ({@code Practitioner}, {@code Location}, …), as Carebook's id. */
    Optional<String> participant(String type, String prefix) {
        return appointment.getParticipant().stream()
                .map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith(type + "/"))
                .findFirst()
                .map(r -> FhirIds.fromFhir(r.substring(type.length() + 1), prefix)
                        .orElseThrow(() -> FhirQuery.invalid("appointment.participant", r + " names nothing here")));
    }

    /** The appointment type: a HealthcareService participant, or a service type coded with Carebook's types. */
    Optional<String> appointmentType() {
        var service = participant("HealthcareService", "type");
        if (service.isPresent()) {
            return service;
        }
        return appointment.getServiceType().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> Canonical.APPOINTMENT_TYPE.equals(c.getSystem()))
                .findFirst()
                .map(c -> FhirIds.fromFhir(c.getCode(), "type")
                        .orElseThrow(() -> FhirQuery.invalid("appointment.serviceType", "names no appointment type")));
    }

    /**
     * Whom it is for: a {@code Patient/…} participant is a record on file; a reference to a contained Patient
     * ({@code #p}) is one given inline, matched to a record or made, as {@code /v1} does.
     */
    PatientChoice patient() {
        for (var participant : appointment.getParticipant()) {
            String reference = participant.getActor().getReference();
            if (reference == null) {
                continue;
            }
            if (reference.startsWith("Patient/")) {
                return new PatientChoice.Existing(FhirIds.fromFhir(reference.substring(8), "pat")
                        .orElseThrow(
                                () -> FhirQuery.invalid("appointment.participant", reference + " names nothing here")));
            }
            if (reference.startsWith("#")) {
                // HAPI's parser links a reference to the contained resource it names.
                if (!(participant.getActor().getResource() instanceof Patient patient)) {
                    throw FhirQuery.invalid("appointment.participant", reference + " is not a contained Patient");
                }
                return new PatientChoice.Inline(PatientResources.draft(patient));
            }
        }
        throw FhirQuery.invalid(
                "appointment.participant", "needs a Patient: a reference to one on file, or a contained Patient");
    }

    /** What the booking says beyond who and when: description, reason, comment and identifiers. */
    AppointmentDetails details() {
        String reason = appointment.getReasonCode().stream()
                .map(CodeableConcept::getText)
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse(null);
        return new AppointmentDetails(
                appointment.getDescription(),
                reason,
                appointment.getComment(),
                null,
                null,
                null,
                null,
                null,
                CatalogResources.externalIds(appointment.getIdentifier()));
    }

    boolean cancels() {
        return appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED;
    }

    String cancellationReason() {
        return appointment.hasCancelationReason()
                ? appointment.getCancelationReason().getText()
                : null;
    }
}
