package org.carebook.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.carebook.support.Clinic;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;

/** The scheduling calls a FHIR client makes for one practice's clinician and appointment type. */
record Scheduler(IGenericClient client, Clinic.Practice practice) {

    static final String TYPE_SYSTEM = "https://carebook.dev/fhir/CodeSystem/appointment-type";

    List<Slot> freeSlots(String day) {
        return slots(day, "free");
    }

    List<Slot> slots(String day, String status) {
        var bundle = client.search()
                .forResource(Slot.class)
                .where(Slot.SCHEDULE.hasChainedProperty(
                        Schedule.ACTOR.hasId("Practitioner/" + FhirSchedulingTest.fhirId(practice.doctor()))))
                .and(Slot.START.afterOrEquals().day(day))
                .and(Slot.START
                        .before()
                        .day(java.time.LocalDate.parse(day).plusDays(1).toString()))
                .and(Slot.STATUS.exactly().code(status))
                .returnBundle(Bundle.class)
                .execute();
        return bundle.getEntry().stream().map(e -> (Slot) e.getResource()).toList();
    }

    List<Appointment> find(String day) {
        var in = new Parameters();
        in.addParameter().setName("start").setValue(new DateType(day));
        in.addParameter().setName("end").setValue(new DateType(day));
        in.addParameter()
                .setName("practitioner")
                .setValue(new Reference("Practitioner/" + FhirSchedulingTest.fhirId(practice.doctor())));
        in.addParameter()
                .setName("service-type")
                .setValue(new Coding(TYPE_SYSTEM, FhirSchedulingTest.fhirId(practice.type()), null));
        in.addParameter().setName("_count").setValue(new StringType("100"));
        var bundle = client.operation()
                .onType(Appointment.class)
                .named("$find")
                .withParameters(in)
                .returnResourceType(Bundle.class)
                .execute();
        return bundle.getEntry().stream()
                .map(e -> (Appointment) e.getResource())
                .toList();
    }

    Appointment hold(Appointment proposed) {
        return client.operation()
                .onType(Appointment.class)
                .named("$hold")
                .withParameters(FhirSchedulingTest.appointmentParameter(proposed))
                .returnResourceType(Appointment.class)
                .execute();
    }

    Appointment book(Appointment appointment) {
        return client.operation()
                .onType(Appointment.class)
                .named("$book")
                .withParameters(FhirSchedulingTest.appointmentParameter(appointment))
                .returnResourceType(Appointment.class)
                .execute();
    }

    /** An appointment made through {@code /v1} (not FHIR) for a new patient of the practice, at {@code start}. */
    static org.carebook.support.Api.Response bookThroughV1(Clinic.Practice practice, String start) {
        return Clinic.expect(
                practice.clinic()
                        .book(
                                practice.type(),
                                practice.doctor(),
                                practice.clinic().patient(),
                                start),
                201);
    }
}
