package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebook.fhir.FhirSchedulingTest.fhirId;
import static org.carebook.fhir.FhirSchedulingTest.status;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Fixtures;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients written for the standards, not for Carebook: requests built as the IHE ITI-115/116/117 and Argonaut
 * Scheduling operation definitions show them (their parameter names, repeated parameters, Bundles back), through
 * HAPI's generic client, every answer validated against R4.
 */
class FhirConformanceTest extends ApiTest {

    static final String START = "2027-01-12T00:00:00Z";
    static final String END = "2027-01-13T00:00:00Z";

    FhirServer fhir;
    Clinic.Practice practice;
    String physio;
    IGenericClient client;

    @BeforeEach
    void practice() {
        fhir = new FhirServer(base);
        practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        physio = Clinic.expect(
                        clinic.api.post(
                                "/v1/clinicians",
                                Fixtures.clinician("name", "Dr Mary Seacole", "specialty", "Physiotherapy")),
                        201)
                .id();
        clinic.everyDay(physio, "13:00", "14:00");
        client = fhir.client(clinic.org.live().key());
    }

    @AfterEach
    void everyAnswerValidated() {
        fhir.assertEverythingValidated();
    }

    @Test
    void aFindWithOnlyItsWindowOffersEveryServiceAndClinician() {
        var second = practice.clinic().type("name", "Follow-up", "duration_minutes", 60);

        var proposed = find(window());

        assertThat(proposed).isNotEmpty();
        assertThat(proposed.stream().map(FhirConformanceTest::serviceCode).distinct())
                .contains(fhirId(practice.type()), fhirId(second));
        assertThat(proposed.stream().map(FhirConformanceTest::practitioner).distinct())
                .contains("Practitioner/" + fhirId(practice.doctor()), "Practitioner/" + fhirId(physio));
    }

    @Test
    void practitionersNamedInOrderOfPreferenceAreOfferedInThatOrder() {
        var in = window();
        in.addParameter("practitioner", new Reference("Practitioner/" + fhirId(physio)));
        in.addParameter("practitioner", new Reference("Practitioner/" + fhirId(practice.doctor())));
        in.addParameter("visit-type", new StringType(fhirId(practice.type())));
        in.addParameter("location-reference", new Reference("Location/" + fhirId(practice.clinic().locationId)));
        in.addParameter("_count", new StringType("100"));

        var proposed = find(in);

        assertThat(proposed).hasSize(2 + 16);
        assertThat(proposed.subList(0, 2)).allMatch(a -> practitioner(a).equals("Practitioner/" + fhirId(physio)));
        assertThat(proposed.subList(2, 18))
                .allMatch(a -> practitioner(a).equals("Practitioner/" + fhirId(practice.doctor())));
        assertThat(proposed.get(0).getStart()).isEqualTo("2027-01-12T13:00:00Z");
    }

    @Test
    void specialtyOrganizationAndPatientNarrowAsIheSays() {
        var bySpecialty = window();
        bySpecialty.addParameter("specialty", new StringType("physiotherapy"));
        String patient = practice.clinic().patient();
        bySpecialty.addParameter("patient-reference", new Reference("Patient/" + fhirId(patient)));
        var physioTimes = find(bySpecialty);
        assertThat(physioTimes).isNotEmpty().allMatch(a -> practitioner(a).equals("Practitioner/" + fhirId(physio)));
        assertThat(physioTimes.get(0).getParticipant().stream()
                        .map(p -> p.getActor().getReference()))
                .contains("Patient/" + fhirId(patient));

        var elsewhere = window();
        elsewhere.addParameter("organization", new Reference("Organization/org-someoneElse0000000000"));
        assertThat(find(elsewhere)).isEmpty();
    }

    @Test
    void unknownParametersAreIgnoredAndNamedUnlessTheClientIsStrict() {
        var in = window();
        in.addParameter("reason", new StringType("back pain"));
        in.addParameter("location-string", new StringType("London"));

        var bundle = findBundle(in, false);
        assertThat(bundle.getEntry()).anyMatch(e -> e.getResource() instanceof Appointment);
        var outcome = bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof OperationOutcome)
                .map(e -> (OperationOutcome) e.getResource())
                .findFirst()
                .orElseThrow();
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("location-string, reason");
        assertThat(bundle.getLink("self").getUrl()).doesNotContain("reason");

        assertThat(status(() -> findBundle(in, true))).isEqualTo(400);
        assertThat(status(() -> client.search()
                        .forResource(Slot.class)
                        .where(Slot.START.afterOrEquals().day("2027-01-12"))
                        .and(new ca.uhn.fhir.rest.gclient.StringClientParam("colour")
                                .matches()
                                .value("blue"))
                        .returnBundle(Bundle.class)
                        .withAdditionalHeader("Prefer", "handling=strict")
                        .execute()))
                .isEqualTo(400);
    }

    @Test
    void iheHoldsAndBooksByReferenceAndIsAnsweredWithBundles() {
        var proposed = find(window()).get(0);

        var hold = new Parameters();
        hold.addParameter("appointment-reference", reference(proposed));
        var held = operation("hold", hold);
        assertThat(held.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING);
        assertThat(held.getIdElement().getIdPart()).startsWith("hold-");

        var book = new Parameters();
        book.addParameter("appointment-reference", reference(held));
        book.addParameter().setName("patient-resource").setResource(patient("Grace", "Hopper"));
        book.addParameter("comment", new StringType("First visit"));
        var booked = operation("book", book);

        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getStart()).isEqualTo(proposed.getStart());
        assertThat(booked.getSlot())
                .extracting(Reference::getReference)
                .as("the booked appointment names the slot it fills, as $find's proposal did")
                .containsExactly("Slot/" + proposed.getIdElement().getIdPart());
        var v1 = practice.clinic()
                .api
                .get("/v1/appointments/" + booked.getIdElement().getIdPart().replaceFirst("-", "_"));
        assertThat(v1.data().get("notes").stringValue()).isEqualTo("First visit");
        assertThat(v1.data().get("source").stringValue())
                .as("counted as FHIR's in the reports")
                .isEqualTo("fhir");
    }

    @Test
    void argonautHoldsByApptIdAndBooksTheHeldAppointmentByItsInstance() {
        var proposed = find(window()).get(1);

        var hold = new Parameters();
        hold.addParameter(
                "appt-id", new UriType("Appointment/" + proposed.getIdElement().getIdPart()));
        var held = operation("hold", hold);

        var book = new Parameters();
        book.addParameter().setName("patient-resource").setResource(patient("Ada", "Lovelace"));
        var booked = only(client.operation()
                .onInstance(new IdType("Appointment", held.getIdElement().getIdPart()))
                .named("$book")
                .withParameters(book)
                .returnResourceType(Bundle.class)
                .execute());

        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getStart()).isEqualTo(proposed.getStart());
        assertThat(status(() -> client.operation()
                        .onType(Appointment.class)
                        .named("$hold")
                        .withParameters(hold)
                        .returnResourceType(Bundle.class)
                        .execute()))
                .as("the same time again")
                .isEqualTo(409);
    }

    @Test
    void eachFindHoldBookAndPatientReadIsAnAuditEventForKeysThatMayReadTheLog() {
        var proposed = find(window()).get(2);
        var hold = new Parameters();
        hold.addParameter("appointment-reference", reference(proposed));
        var held = operation("hold", hold);
        var book = new Parameters();
        book.addParameter("appointment-reference", reference(held));
        book.addParameter().setName("patient-resource").setResource(patient("Alan", "Turing"));
        var booked = operation("book", book);
        String patient = booked.getParticipant().stream()
                .map(p -> p.getActor().getReference())
                .filter(r -> r.startsWith("Patient/"))
                .findFirst()
                .orElseThrow();
        client.read().resource(Patient.class).withId(patient).execute();

        var ofHold = audit("Appointment/" + held.getIdElement().getIdPart());
        assertThat(ofHold).singleElement().satisfies(e -> {
            assertThat(e.getSubtype()).anyMatch(c -> c.getCode().equals("ITI-116"));
            assertThat(e.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
            assertThat(e.getAgentFirstRep().getWho().getIdentifier().getValue()).startsWith("key_");
        });
        assertThat(audit("Appointment/" + booked.getIdElement().getIdPart()))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getSubtype()).anyMatch(c -> c.getCode().equals("ITI-117")));
        assertThat(audit(patient)).anyMatch(e -> e.getAction() == AuditEvent.AuditEventAction.R);
        var all = client.search()
                .forResource(AuditEvent.class)
                .where(AuditEvent.DATE
                        .afterOrEquals()
                        .day(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .count(100)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(all.getEntry().stream().map(e -> (AuditEvent) e.getResource()))
                .anyMatch(e -> e.getSubtype().stream().anyMatch(c -> c.getCode().equals("ITI-115")));

        var publishable = fhir.client(practice.clinic().org.publishableKey());
        assertThat(status(() -> publishable
                        .search()
                        .forResource(AuditEvent.class)
                        .returnBundle(Bundle.class)
                        .execute()))
                .isEqualTo(403);
    }

    private List<AuditEvent> audit(String entity) {
        return client
                .search()
                .forResource(AuditEvent.class)
                .where(AuditEvent.ENTITY.hasId(entity))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();
    }

    @Test
    void aTypeMappedToAStandardServiceIsNamedByItWithItsDisplayOnSchedulesAndServices() {
        var clinic = practice.clinic();
        var hl7 = Map.of(
                "system",
                "http://terminology.hl7.org/CodeSystem/service-type",
                "code",
                "124",
                "display",
                "General Practice");
        var mapped = clinic.api.patch("/v1/appointment-types/" + practice.type(), Map.of("service_type", hl7));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(mapped.data().get("service_type").get("code").stringValue()).isEqualTo("124");
        Clinic.expect(
                clinic.api.patch(
                        "/v1/schedules/" + clinic.scheduleOf(practice.doctor()),
                        Map.of("appointment_type_ids", List.of(practice.type()))),
                200);

        var schedule = client.read()
                .resource(org.hl7.fhir.r4.model.Schedule.class)
                .withId(fhirId(clinic.scheduleOf(practice.doctor())))
                .execute();
        var codings = schedule.getServiceTypeFirstRep().getCoding();
        assertThat(codings)
                .extracting(c -> c.getSystem() + "|" + c.getCode() + "|" + c.getDisplay())
                .containsExactly(
                        "https://carebook.dev/fhir/CodeSystem/appointment-type|" + fhirId(practice.type())
                                + "|Consultation",
                        "http://terminology.hl7.org/CodeSystem/service-type|124|General Practice");
        var service = client.read()
                .resource(org.hl7.fhir.r4.model.HealthcareService.class)
                .withId(fhirId(practice.type()))
                .execute();
        assertThat(service.getTypeFirstRep().getCoding()).hasSize(2);

        var snomed = Map.of("system", "http://snomed.info/sct", "code", "GP", "display", "General practice");
        var refused = clinic.api.patch("/v1/appointment-types/" + practice.type(), Map.of("service_type", snomed));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("service_type.code");
        var cleared = new java.util.HashMap<String, Object>();
        cleared.put("service_type", null);
        assertThat(clinic.api
                        .patch("/v1/appointment-types/" + practice.type(), cleared)
                        .data()
                        .get("service_type")
                        .isNull())
                .isTrue();
    }

    @Test
    void aLocationNamesItsStateAsSmartSchedulingLinksAsks() {
        var clinic = practice.clinic();
        Clinic.expect(
                clinic.api.patch(
                        "/v1/locations/" + clinic.locationId,
                        Map.of("address", Map.of("city", "London", "state", "Greater London", "country", "GB"))),
                200);

        var location = client.read()
                .resource(org.hl7.fhir.r4.model.Location.class)
                .withId(fhirId(clinic.locationId))
                .execute();

        assertThat(location.getAddress().getState()).isEqualTo("Greater London");
        assertThat(location.getAddress().getCity()).isEqualTo("London");
    }

    /** A type-level operation called with the standards' parameters: its Bundle's one Appointment. */
    private Appointment operation(String name, Parameters parameters) {
        return only(client.operation()
                .onType(Appointment.class)
                .named("$" + name)
                .withParameters(parameters)
                .returnResourceType(Bundle.class)
                .execute());
    }

    private static Reference reference(Appointment appointment) {
        return new Reference("Appointment/" + appointment.getIdElement().getIdPart());
    }

    private Parameters window() {
        var in = new Parameters();
        in.addParameter("start", new DateTimeType(START));
        in.addParameter("end", new DateTimeType(END));
        return in;
    }

    private List<Appointment> find(Parameters in) {
        return findBundle(in, false).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Appointment.class::isInstance)
                .map(Appointment.class::cast)
                .toList();
    }

    private Bundle findBundle(Parameters in, boolean strict) {
        var call = client.operation()
                .onType(Appointment.class)
                .named("$find")
                .withParameters(in)
                .returnResourceType(Bundle.class);
        return strict ? call.withAdditionalHeader("Prefer", "handling=strict").execute() : call.execute();
    }

    private static Appointment only(Bundle bundle) {
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).hasSize(1);
        return (Appointment) bundle.getEntryFirstRep().getResource();
    }

    private static Patient patient(String given, String family) {
        var patient = new Patient();
        patient.addName(new HumanName().setFamily(family).addGiven(given));
        patient.setBirthDateElement(new DateType("1990-05-17"));
        patient.addTelecom()
                .setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.EMAIL)
                .setValue(given.toLowerCase() + "@example.org");
        return patient;
    }

    private static String serviceCode(Appointment appointment) {
        return appointment.getServiceTypeFirstRep().getCodingFirstRep().getCode();
    }

    private static String practitioner(Appointment appointment) {
        return appointment.getParticipant().stream()
                .map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith("Practitioner/"))
                .findFirst()
                .orElse("");
    }
}
