package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Race;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FHIR scheduling interface driven by HAPI's generic client against the running server: every answer is
 * validated against the R4 core profiles as it arrives (see {@link FhirServer}).
 */
class FhirSchedulingTest extends ApiTest {

    static final String DAY = "2027-01-12";

    FhirServer fhir;
    Clinic.Practice practice;
    IGenericClient client;
    Scheduler scheduler;

    @BeforeEach
    void practice() {
        fhir = new FhirServer(base);
        practice = Clinic.practice(newOrganization());
        client = fhir.client(practice.clinic().org.live().key());
        scheduler = new Scheduler(client, practice);
    }

    @AfterEach
    void everyAnswerValidated() {
        fhir.assertEverythingValidated();
    }

    @Test
    void theCapabilityStatementListsTheSchedulingInterface() {
        var statement = client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(statement.getFhirVersion()).isEqualTo(Enumerations.FHIRVersion._4_0_1);
        var resources = statement.getRestFirstRep().getResource();
        assertThat(resources)
                .extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                .containsExactly(
                        "Appointment",
                        "AuditEvent",
                        "HealthcareService",
                        "Location",
                        "Patient",
                        "Practitioner",
                        "PractitionerRole",
                        "Schedule",
                        "Slot");
        var appointment = resources.get(0);
        assertThat(appointment.getOperation())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
                .containsExactly("book", "find", "hold");
        assertThat(appointment.getOperation())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getDefinition)
                .allMatch(
                        d -> d.startsWith("https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-"));
        assertThat(statement.getInstantiates())
                .extracting(c -> c.getValue())
                .containsExactly("https://profiles.ihe.net/ITI/Scheduling/CapabilityStatement/IHE.Scheduling.server");
        var slot = resources.get(8);
        assertThat(slot.getSearchParam())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .containsExactly("schedule", "schedule.actor", "start", "status", "service-type");
        assertThat(slot.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("read", "search-type");
    }

    @Test
    void searchesAPractitionersFreeSlotsForADay() {
        var free = scheduler.freeSlots(DAY);

        assertThat(free).hasSize(16);
        assertThat(free.get(0).getStartElement().getValueAsString()).isEqualTo("2027-01-12T09:00:00Z");
        assertThat(free.get(15).getEndElement().getValueAsString()).isEqualTo("2027-01-12T17:00:00Z");
        assertThat(free).allSatisfy(slot -> assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE));
        assertThat(scheduler.freeSlots(DAY))
                .extracting(s -> s.getIdElement().getIdPart())
                .as("stable ids")
                .containsExactlyElementsOf(
                        free.stream().map(s -> s.getIdElement().getIdPart()).toList());
        var read = client.read()
                .resource(Slot.class)
                .withId(free.get(3).getIdElement().getIdPart())
                .execute();
        assertThat(read.getStart()).isEqualTo(free.get(3).getStart());
        assertThat(read.getSchedule().getReference()).startsWith("Schedule/sched-");
    }

    /** A class's free slots say how many places are left (SMART Scheduling Links' slot-capacity); a full one is busy. */
    @Test
    void aClassSlotCarriesThePlacesLeftAndIsBusyWhenFull() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String teacher = clinic.clinician("Jo Pilates");
        clinic.everyDay(teacher, "09:00", "17:00");
        String pilates = clinic.type("name", "Pilates", "capacity", 3);
        var classes =
                new Scheduler(fhir.client(clinic.org.live().key()), new Clinic.Practice(clinic, teacher, pilates));
        Clinic.expect(clinic.book(pilates, teacher, clinic.patient(), DAY + "T09:00:00Z"), 201);

        var free = classes.freeSlots(DAY);

        assertThat(free).hasSize(16);
        assertThat(free.get(0).getExtensionByUrl(SLOT_CAPACITY).getValue().primitiveValue())
                .isEqualTo("2");
        assertThat(free.get(1).getExtensionByUrl(SLOT_CAPACITY).getValue().primitiveValue())
                .isEqualTo("3");
        assertThat(classes.find(DAY).get(0).getStart().toInstant())
                .as("$find offers the session with places left")
                .isEqualTo(java.time.Instant.parse(DAY + "T09:00:00Z"));
        Clinic.expect(clinic.book(pilates, teacher, clinic.patient(), DAY + "T09:00:00Z"), 201);
        Clinic.expect(clinic.book(pilates, teacher, clinic.patient(), DAY + "T09:00:00Z"), 201);
        assertThat(classes.freeSlots(DAY)).hasSize(15);
        assertThat(classes.find(DAY).get(0).getStart().toInstant())
                .as("and not once it is full")
                .isEqualTo(java.time.Instant.parse(DAY + "T09:30:00Z"));
        var full = classes.slots(DAY, "busy");
        assertThat(full).hasSize(1);
        assertThat(full.get(0).getExtensionByUrl(SLOT_CAPACITY)).isNull();
    }

    private static final String SLOT_CAPACITY =
            "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

    /** London moves to summer time on 28 March 2027: the clinic still opens at 09:00 on its own clock. */
    @Test
    void slotsKeepTheClinicsWallClockAcrossTheChangeToSummerTime() {
        var saturday = scheduler.freeSlots("2027-03-27");
        var sunday = scheduler.freeSlots("2027-03-28");

        assertThat(saturday).hasSize(16);
        assertThat(sunday).hasSize(16);
        assertThat(saturday.get(0).getStartElement().getValueAsString()).isEqualTo("2027-03-27T09:00:00Z");
        assertThat(sunday.get(0).getStartElement().getValueAsString()).isEqualTo("2027-03-28T09:00:00+01:00");
        assertThat(sunday.get(15).getEndElement().getValueAsString()).isEqualTo("2027-03-28T17:00:00+01:00");
        var proposal = scheduler.find("2027-03-28").get(0);
        assertThat(proposal.getStart().toInstant()).isEqualTo(java.time.Instant.parse("2027-03-28T08:00:00Z"));
        var booked = scheduler.book(withInlinePatient(proposal, "Summer", "Time"));
        assertThat(booked.getStartElement().getValueAsString()).isEqualTo("2027-03-28T09:00:00+01:00");
        assertThat(scheduler.slots("2027-03-28", "busy"))
                .extracting(slot -> slot.getIdElement().getIdPart())
                .containsExactly(sunday.get(0).getIdElement().getIdPart());
    }

    @Test
    void findHoldAndBookMakesAnAppointmentThatV1AndTheEventLogSee() {
        var proposed = scheduler.find(DAY);
        assertThat(proposed).hasSize(16);
        assertThat(proposed.get(0).getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED);

        var pending = scheduler.hold(proposed.get(2));
        assertThat(pending.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING);
        assertThat(pending.getIdElement().getIdPart()).startsWith("hold-");
        var expires =
                (InstantType) pending.getExtensionByUrl("https://carebook.dev/fhir/StructureDefinition/hold-expires")
                        .getValue();
        assertThat(expires.getValue()).isInTheFuture();
        assertThat(scheduler.find(DAY)).hasSize(15);

        var booked = scheduler.book(withInlinePatient(pending, "Grace", "Hopper"));
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getStart()).isEqualTo(proposed.get(2).getStart());
        String id = booked.getIdElement().getIdPart();
        assertThat(id).startsWith("apt-");

        var v1 = practice.clinic().api.get("/v1/appointments/" + id.replaceFirst("-", "_"));
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.data().get("status").stringValue()).isEqualTo("confirmed");
        assertThat(v1.data().get("hold_id").stringValue())
                .isEqualTo(pending.getIdElement().getIdPart().replaceFirst("-", "_"));
        assertThat(practice.clinic()
                        .api
                        .get("/v1/events?type=appointment.created")
                        .text())
                .contains(id.replaceFirst("-", "_"));
        assertThat(client.read()
                        .resource(Appointment.class)
                        .withId(id)
                        .execute()
                        .getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(status(() -> client.read()
                        .resource(Appointment.class)
                        .withId(pending.getIdElement().getIdPart())
                        .execute()))
                .as("the booked hold")
                .isEqualTo(410);
    }

    @Test
    void twoClientsBookingOneSlotAtOnceGiveOneBookingAndOneConflict() {
        var proposed = scheduler.find(DAY);
        for (int round = 0; round < 5; round++) {
            var slot = proposed.get(round);
            var clients = List.of(
                    fhir.client(practice.clinic().org.live().key()),
                    fhir.client(practice.clinic().org.live().key()));
            var outcomes = Race.run(2, i -> {
                try {
                    clients.get(i)
                            .operation()
                            .onType(Appointment.class)
                            .named("$book")
                            .withParameters(appointmentParameter(withInlinePatient(slot.copy(), "Racer", "No" + i)))
                            .returnResourceType(Appointment.class)
                            .execute();
                    return "booked";
                } catch (BaseServerResponseException e) {
                    var outcome = (OperationOutcome) e.getOperationOutcome();
                    return e.getStatusCode() + " "
                            + outcome.getIssueFirstRep().getCode().toCode() + " "
                            + outcome.getIssueFirstRep()
                                    .getDetails()
                                    .getCodingFirstRep()
                                    .getCode();
                }
            });
            assertThat(outcomes).containsExactlyInAnyOrder("booked", "409 conflict slot_taken");
        }
        var appointments = client.search()
                .forResource(Appointment.class)
                .where(Appointment.PRACTITIONER.hasId("Practitioner/" + fhirId(practice.doctor())))
                .and(Appointment.DATE.exactly().day(DAY))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(appointments.getEntry()).hasSize(5);
    }

    @Test
    void aBookingMadeThroughV1IsABusySlotAndAnAppointment() {
        var before = scheduler.freeSlots(DAY);
        String patient = practice.clinic().patient();
        var made = Clinic.expect(
                practice.clinic().book(practice.type(), practice.doctor(), patient, "2027-01-12T10:00:00Z"), 201);

        var busy = scheduler.slots(DAY, "busy");
        assertThat(busy).hasSize(1);
        assertThat(busy.get(0).getStartElement().getValueAsString()).isEqualTo("2027-01-12T10:00:00Z");
        assertThat(before)
                .extracting(s -> s.getIdElement().getIdPart())
                .as("the busy slot keeps the id it had while free")
                .contains(busy.get(0).getIdElement().getIdPart());
        assertThat(scheduler.freeSlots(DAY)).hasSize(15);

        var found = client.search()
                .forResource(Appointment.class)
                .where(Appointment.PATIENT.hasId("Patient/" + fhirId(patient)))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        var appointment = (Appointment) found.getEntryFirstRep().getResource();
        assertThat(appointment.getIdElement().getIdPart()).isEqualTo(fhirId(made.id()));
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getParticipant())
                .extracting(p -> p.getActor().getReference())
                .contains("Patient/" + fhirId(patient), "Practitioner/" + fhirId(practice.doctor()));
    }

    @Test
    void aHeldTimeIsTentativeTimeOffIsUnavailableAndABookingIsBusy() {
        var clinic = practice.clinic();
        Clinic.expect(clinic.hold(clinic.api, practice.type(), practice.doctor(), DAY + "T10:00:00Z"), 201);
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), clinic.patient(), DAY + "T11:00:00Z"), 201);
        Clinic.expect(
                clinic.api.post(
                        "/v1/clinicians/" + practice.doctor() + "/time-off",
                        Map.of("start_time", DAY + "T15:00:00Z", "end_time", DAY + "T16:00:00Z")),
                201);

        assertThat(starts(scheduler.slots(DAY, "busy-tentative"))).containsExactly(DAY + "T10:00:00Z");
        assertThat(starts(scheduler.slots(DAY, "busy"))).containsExactly(DAY + "T11:00:00Z");
        assertThat(starts(scheduler.slots(DAY, "busy-unavailable")))
                .containsExactly(DAY + "T15:00:00Z", DAY + "T15:30:00Z");
        assertThat(scheduler.freeSlots(DAY)).hasSize(12);
    }

    private static List<String> starts(List<Slot> slots) {
        return slots.stream().map(s -> s.getStartElement().getValueAsString()).toList();
    }

    @Test
    void bookMovesAnAppointmentAndCancelsIt() {
        var proposed = scheduler.find(DAY);
        var booked = scheduler.book(withInlinePatient(proposed.get(0).copy(), "Ada", "Lovelace"));

        var moved = booked.copy();
        moved.setStart(proposed.get(5).getStart()).setEnd(proposed.get(5).getEnd());
        var afterMove = scheduler.book(moved);
        assertThat(afterMove.getStart()).isEqualTo(proposed.get(5).getStart());
        String v1Id = booked.getIdElement().getIdPart().replaceFirst("-", "_");
        assertThat(practice.clinic()
                        .api
                        .get("/v1/events?type=appointment.rescheduled")
                        .text())
                .contains(v1Id);

        var cancel = afterMove.copy();
        cancel.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancel.getCancelationReason().setText("Feeling better");
        var cancelled = scheduler.book(cancel);
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(practice.clinic()
                        .api
                        .get("/v1/appointments/" + v1Id)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("cancelled");
        assertThat(scheduler.freeSlots(DAY)).hasSize(16);
    }

    @Test
    void cancellingAHoldThroughBookLetsItsTimeGo() {
        var pending = scheduler.hold(scheduler.find(DAY).get(0));
        assertThat(scheduler.freeSlots(DAY)).hasSize(15);

        var cancel = pending.copy();
        cancel.setStatus(Appointment.AppointmentStatus.CANCELLED);
        var released = scheduler.book(cancel);

        assertThat(released.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(scheduler.freeSlots(DAY)).hasSize(16);
        assertThat(practice.clinic()
                        .api
                        .get("/v1/holds/" + pending.getIdElement().getIdPart().replaceFirst("-", "_"))
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("released");
    }

    @Test
    void aCursorNoPageGaveIsRefusedWithAnOperationOutcome() {
        String search = "/fhir/r4/Slot?schedule.actor=Practitioner/" + fhirId(practice.doctor()) + "&start=ge" + DAY
                + "&start=lt2027-01-13&_cursor=";

        for (String cursor : List.of("2147483647", "17", "-1")) {
            var refused = practice.clinic().org.live().get(search + cursor);
            assertThat(refused.status()).as(cursor).isEqualTo(422);
            fhir.validate(refused.text(), "a refused cursor");
        }
        assertThat(practice.clinic().org.live().get(search + "16").status()).isEqualTo(200);
    }

    @Test
    void pagesFollowTheirNextLinks() {
        var first = client.search()
                .forResource(Slot.class)
                .where(Slot.SCHEDULE.hasChainedProperty(
                        Schedule.ACTOR.hasId("Practitioner/" + fhirId(practice.doctor()))))
                .and(Slot.START.afterOrEquals().day(DAY))
                .and(Slot.START.before().day("2027-01-13"))
                .count(5)
                .returnBundle(Bundle.class)
                .execute();
        var starts = new java.util.ArrayList<String>();
        int pages = 0;
        for (var page = first;
                page != null;
                page = page.getLink("next") == null
                        ? null
                        : client.loadPage().next(page).execute()) {
            page.getEntry()
                    .forEach(e -> starts.add(
                            ((Slot) e.getResource()).getStartElement().getValueAsString()));
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(starts).hasSize(16).doesNotHaveDuplicates().isSorted();

        for (String start : List.of("2027-01-12T09:00:00Z", "2027-01-12T10:00:00Z", "2027-01-12T11:00:00Z")) {
            Scheduler.bookThroughV1(practice, start);
        }
        var appointments = client.search()
                .forResource(Appointment.class)
                .where(Appointment.DATE.exactly().day(DAY))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(appointments.getEntry()).hasSize(2);
        var rest = client.loadPage().next(appointments).execute();
        assertThat(rest.getEntry()).hasSize(1);
        assertThat(rest.getLink("next")).isNull();
    }

    /** A booking made through FHIR is an event like any other, delivered to the clinic's webhook receiver. */
    @Test
    void aFhirBookingReachesTheClinicsWebhooks() throws Exception {
        try (var receiver = new org.carebook.support.Receiver()) {
            var org = practice.clinic().org;
            var inTest = Clinic.inTestMode(org, "Europe/London"); // webhooks may call loopback in test mode only
            String doctor = inTest.clinician("Dr Ada Byron");
            inTest.everyDay(doctor, "09:00", "17:00");
            var scheduling =
                    new Scheduler(fhir.client(org.test().key()), new Clinic.Practice(inTest, doctor, inTest.type()));
            Clinic.expect(
                    org.test()
                            .post(
                                    "/v1/webhook-endpoints",
                                    Map.of("url", receiver.url(), "events", List.of("appointment.created"))),
                    201);

            var booked = scheduling.book(withInlinePatient(scheduling.find(DAY).get(0), "Web", "Hook"));

            var delivered = receiver.await(1, java.time.Duration.ofSeconds(15));
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).body())
                    .contains(booked.getIdElement().getIdPart().replaceFirst("-", "_"));
        }
    }

    @Test
    void theCatalogReadsAndSearches() {
        String schedule = fhirId(practice.clinic()
                .api
                .get("/v1/schedules")
                .data()
                .get(0)
                .get("id")
                .stringValue());
        var location = client.read()
                .resource(org.hl7.fhir.r4.model.Location.class)
                .withId(fhirId(practice.clinic().locationId))
                .execute();
        assertThat(location.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Location.LocationStatus.ACTIVE);
        var practitioner = client.read()
                .resource(org.hl7.fhir.r4.model.Practitioner.class)
                .withId(fhirId(practice.doctor()))
                .execute();
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Dr Ada Byron");
        var role = client.read()
                .resource(org.hl7.fhir.r4.model.PractitionerRole.class)
                .withId("role-" + fhirId(practice.doctor()).substring(5))
                .execute();
        assertThat(role.getLocationFirstRep().getReference())
                .isEqualTo("Location/" + fhirId(practice.clinic().locationId));
        var service = client.read()
                .resource(org.hl7.fhir.r4.model.HealthcareService.class)
                .withId(fhirId(practice.type()))
                .execute();
        assertThat(service.getName()).isNotBlank();
        var read = client.read().resource(Schedule.class).withId(schedule).execute();
        assertThat(read.getActor())
                .extracting(Reference::getReference)
                .containsExactly(
                        "Practitioner/" + fhirId(practice.doctor()),
                        "Location/" + fhirId(practice.clinic().locationId));

        for (var type : List.of("Location", "Practitioner", "PractitionerRole", "HealthcareService", "Schedule")) {
            var bundle =
                    client.search().forResource(type).returnBundle(Bundle.class).execute();
            assertThat(bundle.getEntry()).as(type).hasSize(1);
            assertThat(bundle.getTotal()).as(type).isEqualTo(1);
        }
        var bySchedule = client.search()
                .forResource(Schedule.class)
                .where(Schedule.ACTOR.hasId("Practitioner/" + fhirId(practice.doctor())))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(bySchedule.getEntry()).hasSize(1);
    }

    @Test
    void patientsNeedReadPatientsAndEveryReadIsAudited() {
        String patient = practice.clinic()
                .patient(
                        "first_name",
                        "Rosalind",
                        "last_name",
                        "Franklin",
                        "date_of_birth",
                        "1920-07-25",
                        "external_ids",
                        Map.of("ehr", "MRN-77"));
        var found = client.search()
                .forResource(Patient.class)
                .where(Patient.NAME.matches().value("rosa"))
                .and(Patient.BIRTHDATE.exactly().day("1920-07-25"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        var byIdentifier = client.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().code("MRN-77"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(byIdentifier.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(fhirId(patient));
        var read = client.read().resource(Patient.class).withId(fhirId(patient)).execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Franklin");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("MRN-77");

        var audit = Clinic.expect(practice.clinic().api.get("/v1/audit-events?resource_id=" + patient), 200);
        var reads = new java.util.ArrayList<String>();
        audit.data().forEach(event -> reads.add(event.get("action").stringValue()));
        assertThat(reads)
                .as("two searches and a read")
                .filteredOn("read"::equals)
                .hasSize(3);

        var withoutPatients = fhir.client(
                keyWithScopes(practice.clinic().org, "read_appointments").key());
        assertThatThrownBy(() -> withoutPatients
                        .read()
                        .resource(Patient.class)
                        .withId(fhirId(patient))
                        .execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(((OperationOutcome) e.getOperationOutcome())
                                    .getIssueFirstRep()
                                    .getCode())
                            .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
                });
    }

    @Test
    void refusalsAreOperationOutcomes() {
        var anonymous = fhir.client(null);
        assertThat(status(
                        () -> anonymous.read().resource(Slot.class).withId("x").execute()))
                .isEqualTo(401);
        assertThat(status(() -> fhir.client("sk_live_wrong")
                        .search()
                        .forResource(Slot.class)
                        .execute()))
                .isEqualTo(401);
        assertThat(status(() -> client.read()
                        .resource(Appointment.class)
                        .withId("apt-0000000000000000000000")
                        .execute()))
                .isEqualTo(404);
        assertThat(status(() -> client.search()
                        .forResource(Slot.class)
                        .where(new ca.uhn.fhir.rest.gclient.StringClientParam("colour")
                                .matches()
                                .value("blue"))
                        .returnBundle(Bundle.class)
                        .withAdditionalHeader("Prefer", "handling=strict")
                        .execute()))
                .as("an unknown parameter, strictly")
                .isEqualTo(400);
        assertThat(status(() -> client.search()
                        .forResource(Slot.class)
                        .returnBundle(Bundle.class)
                        .execute()))
                .as("a window is required")
                .isEqualTo(422);
        assertThat(status(() -> client.search()
                        .forResource("Observation")
                        .returnBundle(Bundle.class)
                        .execute()))
                .isEqualTo(404);
        var publishable = fhir.client(practice.clinic().org.publishableKey());
        assertThat(status(() -> publishable
                        .search()
                        .forResource(Appointment.class)
                        .returnBundle(Bundle.class)
                        .execute()))
                .isEqualTo(403);
    }

    /** A retried $book with the same Idempotency-Key is answered from the first, as every POST of the API is. */
    @Test
    void aRetriedBookWithItsIdempotencyKeyBooksOnce() {
        var parameters =
                appointmentParameter(withInlinePatient(scheduler.find(DAY).get(0), "Once", "Only"));
        String body = FhirServer.CONTEXT.newJsonParser().encodeResourceToString(parameters);
        var api = practice.clinic()
                .api
                .with("Content-Type", "application/fhir+json")
                .with("Idempotency-Key", "book-once-1");

        var first = api.send("POST", "/fhir/r4/Appointment/$book", body);
        var retry = api.send("POST", "/fhir/r4/Appointment/$book", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text()).isEqualTo(first.text());
        fhir.validate(first.text(), "$book with an Idempotency-Key");
        assertThat(practice.clinic().api.get("/v1/appointments").data()).hasSize(1);
    }

    @Test
    void malformedResourcesAreRefusedAndNothingIsHeld() {
        var api = practice.clinic().api;
        for (String body : List.of(
                "not json",
                "{\"resourceType\": \"Appointment\", \"colour\": \"blue\"}",
                "{\"resourceType\": \"Appointment\", \"start\": \"next tuesday\"}",
                "{\"resourceType\": \"Patient\"}",
                "{\"resourceType\": \"Parameters\", \"parameter\": []}")) {
            var answer =
                    api.with("Content-Type", "application/fhir+json").send("POST", "/fhir/r4/Appointment/$hold", body);
            assertThat(answer.status()).as(body).isIn(400, 422);
            assertThat(answer.json().get("resourceType").stringValue()).isEqualTo("OperationOutcome");
            fhir.validate(answer.text(), body);
        }
        assertThat(scheduler.freeSlots(DAY)).hasSize(16);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    static Parameters appointmentParameter(Resource appointment) {
        var parameters = new Parameters();
        parameters.addParameter().setName("appointment").setResource(appointment);
        return parameters;
    }

    /** The appointment for a patient given inline: a contained Patient the participant references. */
    static Appointment withInlinePatient(Appointment appointment, String given, String family) {
        var patient = new Patient();
        patient.setId("p");
        patient.addName(new HumanName().setFamily(family).addGiven(given));
        patient.setBirthDateElement(new DateType("1990-05-17"));
        patient.addTelecom()
                .setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.EMAIL)
                .setValue(given.toLowerCase() + "@example.org");
        appointment.addContained(patient);
        appointment.addParticipant().setActor(new Reference("#p")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    static String fhirId(String carebookId) {
        return carebookId.replaceFirst("_", "-");
    }

    /** The status a call answered with; a refusal must carry an OperationOutcome. */
    static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (BaseServerResponseException e) {
            assertThat(e.getOperationOutcome()).as("an OperationOutcome").isInstanceOf(OperationOutcome.class);
            return e.getStatusCode();
        }
    }
}
