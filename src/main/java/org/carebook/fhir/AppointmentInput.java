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
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The Appointment an operation was given ({@code $hold}, {@code $book}), read into what Carebook's commands need:
 * which slot or which clinician, place, type and time; for whom; and what the booking says.
 */
final class AppointmentInput {

    private final Appointment appointment;
    private final boolean standard;

    private AppointmentInput(Appointment appointment, boolean standard) {
        this.appointment = appointment;
        this.standard = standard;
    }

    /**
     * From Carebook's Parameters part {@code appointment} or an Appointment sent as it is; or from the IHE
     * ITI-116/117 parts ({@code appointment-reference}, {@code appointment-resource}, {@code patient-resource},
     * {@code comment}) or the Argonaut ones ({@code appt-id}, {@code appt-resource}), whose callers are answered
     * with a Bundle, as those operation definitions say.
     */
    static AppointmentInput of(IBaseResource body) {
        return of(body, null);
    }

    /** As {@link #of(IBaseResource)}, for {@code Appointment/{id}/$book}: the path names the appointment. */
    static AppointmentInput of(IBaseResource body, String pathId) {
        if (body instanceof Appointment appointment && pathId == null) {
            return new AppointmentInput(appointment, false);
        }
        if (body == null && pathId != null) {
            return new AppointmentInput(referenced(pathId), true);
        }
        if (!(body instanceof Parameters parameters)) {
            throw CarebookException.badRequest(
                    "malformed_resource", "Send a Parameters resource with an 'appointment', or an Appointment.");
        }
        var carebook = resource(parameters, "appointment");
        if (carebook.isPresent() && pathId == null) {
            return new AppointmentInput(carebook.get(), false);
        }
        var appointment = resource(parameters, "appointment-resource")
                .or(() -> resource(parameters, "appt-resource"))
                .or(() -> reference(parameters)
                        .or(() -> java.util.Optional.ofNullable(pathId))
                        .map(AppointmentInput::referenced))
                .orElseThrow(() -> FhirQuery.invalid(
                        "appointment-reference", "is required: the proposed, held or booked Appointment to act on"));
        parameters.getParameter().stream()
                .filter(p -> p.getName().equals("patient-resource") && p.getResource() instanceof Patient)
                .findFirst()
                .ifPresent(p -> addPatient(appointment, (Patient) p.getResource()));
        parameters.getParameter().stream()
                .filter(p -> p.getName().equals("comment") && p.getValue() instanceof PrimitiveType<?>)
                .findFirst()
                .ifPresent(p -> appointment.setComment(((PrimitiveType<?>) p.getValue()).getValueAsString()));
        return new AppointmentInput(appointment, true);
    }

    /** Whether the caller used the standards' parts, and so expects a Bundle back. */
    boolean standard() {
        return standard;
    }

    private static java.util.Optional<Appointment> resource(Parameters parameters, String name) {
        return parameters.getParameter().stream()
                .filter(p -> p.getName().equals(name) && p.getResource() instanceof Appointment)
                .map(p -> (Appointment) p.getResource())
                .findFirst();
    }

    /** IHE's {@code appointment-reference} (a Reference) or Argonaut's {@code appt-id} (a URI or an id). */
    private static java.util.Optional<String> reference(Parameters parameters) {
        return parameters.getParameter().stream()
                .filter(p -> p.getName().equals("appointment-reference")
                        || p.getName().equals("appt-id"))
                .map(p -> p.getValue() instanceof Reference r
                        ? r.getReference()
                        : p.getValue() instanceof PrimitiveType<?> v ? v.getValueAsString() : null)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The Appointment a reference names: a proposal by its slot, a hold or an appointment by its id. */
    private static Appointment referenced(String reference) {
        String id = reference.substring(reference.lastIndexOf('/') + 1);
        var appointment = new Appointment();
        if (SlotId.parse(id).isPresent()) {
            appointment.setStatus(Appointment.AppointmentStatus.PROPOSED).addSlot(new Reference("Slot/" + id));
        } else {
            appointment.setId(id);
        }
        return appointment;
    }

    /** The patient the standards send beside the appointment: one on file by its id, else given inline. */
    private static void addPatient(Appointment appointment, Patient patient) {
        boolean named = appointment.getParticipant().stream()
                .anyMatch(p -> p.getActor().getReference() != null
                        && (p.getActor().getReference().startsWith("Patient/")
                                || p.getActor().getReference().startsWith("#")));
        if (named) {
            return;
        }
        String id = patient.hasIdElement() ? patient.getIdElement().getIdPart() : null;
        if (id != null && id.startsWith("pat-")) {
            appointment.addParticipant().setActor(new Reference("Patient/" + id));
        } else {
            patient.setId("p");
            appointment.addContained(patient);
            var actor = new Reference("#p");
            actor.setResource(patient);
            appointment.addParticipant().setActor(actor);
        }
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
                CatalogResources.externalIds(appointment.getIdentifier()),
                null);
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
