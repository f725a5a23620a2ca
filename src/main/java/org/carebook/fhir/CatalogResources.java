package org.carebook.fhir;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.ScheduleView;
import org.carebook.kernel.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

/** The catalog as FHIR: locations, clinicians (and their roles), appointment types as services, and schedules. */
final class CatalogResources {

    private CatalogResources() {}

    static Location location(LocationView view) {
        var location = new Location();
        location.setId(FhirIds.toFhir(view.id()));
        location.setMeta(meta(view.updatedAt()));
        location.setIdentifier(identifiers(view.externalIds()));
        location.setStatus(view.isActive() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
        location.setName(view.name());
        location.setMode(Location.LocationMode.INSTANCE);
        if (view.phone() != null) {
            location.addTelecom(phone(view.phone()));
        }
        if (view.address() != null) {
            location.setAddress(address(view.address()));
        }
        return location;
    }

    static Practitioner practitioner(ClinicianView view) {
        var practitioner = new Practitioner();
        practitioner.setId(FhirIds.toFhir(view.id()));
        practitioner.setMeta(meta(view.updatedAt()));
        practitioner.setIdentifier(identifiers(view.externalIds()));
        practitioner.setActive(view.isActive());
        var name = practitioner.addName().setText(view.name());
        if (view.title() != null && !view.title().isBlank()) {
            name.addPrefix(view.title());
        }
        if (view.email() != null) {
            practitioner.addTelecom(new ContactPoint()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(view.email())
                    .setUse(ContactPoint.ContactPointUse.WORK));
        }
        if (view.phone() != null) {
            practitioner.addTelecom(phone(view.phone()));
        }
        return practitioner;
    }

    /** A clinician's role: where they see patients (their schedules' locations) and their specialty. */
    static PractitionerRole role(ClinicianView view, Collection<String> locationIds) {
        var role = new PractitionerRole();
        role.setId(roleId(view.id()));
        role.setMeta(meta(view.updatedAt()));
        role.setActive(view.isActive());
        role.setPractitioner(reference("Practitioner", view.id(), view.name()));
        locationIds.stream().sorted().forEach(id -> role.addLocation(reference("Location", id, null)));
        if (view.specialty() != null && !view.specialty().isBlank()) {
            role.addSpecialty(new CodeableConcept().setText(view.specialty()));
        }
        return role;
    }

    /** A role's id is its clinician's, under the prefix {@code role}: one role per clinician. */
    static String roleId(String clinicianId) {
        return "role-" + FhirIds.randomPart(clinicianId);
    }

    static HealthcareService service(AppointmentTypeView view) {
        var service = new HealthcareService();
        service.setId(FhirIds.toFhir(view.id()));
        service.setMeta(meta(view.updatedAt()));
        service.setActive(view.isActive());
        service.setName(view.name());
        if (view.description() != null && !view.description().isBlank()) {
            service.setComment(view.description());
        }
        service.addType(serviceType(view));
        service.setAppointmentRequired(true);
        return service;
    }

    /**
     * A schedule, its services named with their displays (and standard codes) from {@code types}, the organization's
     * appointment types by id.
     */
    static Schedule schedule(ScheduleView view, String clinicianName, Map<String, AppointmentTypeView> types) {
        var schedule = new Schedule();
        schedule.setId(FhirIds.toFhir(view.id()));
        schedule.setMeta(meta(view.updatedAt()));
        schedule.setActive(view.isActive());
        schedule.addActor(reference("Practitioner", view.clinicianId(), clinicianName));
        if (view.locationId() != null) {
            schedule.addActor(reference("Location", view.locationId(), null));
        } else {
            schedule.setComment("Remote appointments");
        }
        view.appointmentTypeIds()
                .forEach(type -> schedule.addServiceType(
                        types.containsKey(type) ? serviceType(types.get(type)) : serviceType(type, null)));
        if (view.validFrom() != null || view.validUntil() != null) {
            var horizon = new Period();
            // Dates: FHIR reads a period's end date as the whole of that day, as Carebook reads valid_until.
            if (view.validFrom() != null) {
                horizon.setStartElement(new DateTimeType(view.validFrom().toString()));
            }
            if (view.validUntil() != null) {
                horizon.setEndElement(new DateTimeType(view.validUntil().toString()));
            }
            schedule.setPlanningHorizon(horizon);
        }
        return schedule;
    }

    /** An appointment type as a service type: Carebook's code, which the Slot and Appointment searches take. */
    /** Carebook's code for the type with its name, and the standard service it is, when the clinic mapped one. */
    static CodeableConcept serviceType(AppointmentTypeView type) {
        var concept = serviceType(type.id(), type.name());
        if (type.serviceType() != null) {
            var standard = type.serviceType();
            concept.addCoding(new Coding(standard.system(), standard.code(), standard.display()));
        }
        return concept.setText(type.name());
    }

    static CodeableConcept serviceType(String appointmentTypeId, String name) {
        return new CodeableConcept()
                .addCoding(new Coding(Canonical.APPOINTMENT_TYPE, FhirIds.toFhir(appointmentTypeId), name));
    }

    static Reference reference(String type, String carebookId, String display) {
        var reference = new Reference(type + "/" + FhirIds.toFhir(carebookId));
        if (display != null) {
            reference.setDisplay(display);
        }
        return reference;
    }

    /**
     * External ids as identifiers. A key that is a URI is the identifier's system; any other key (such as
     * {@code ehr}) is not a URI, so it names the identifier's type instead.
     */
    static List<Identifier> identifiers(Map<String, String> externalIds) {
        return externalIds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    var identifier = new Identifier().setValue(e.getValue());
                    if (e.getKey().contains(":")) {
                        identifier.setSystem(e.getKey());
                    } else {
                        identifier.setType(new CodeableConcept().setText(e.getKey()));
                    }
                    return identifier;
                })
                .toList();
    }

    /** Identifiers back into external ids: by system, or by the type's text where there is no system. */
    static Map<String, String> externalIds(List<Identifier> identifiers) {
        Map<String, String> externalIds = new java.util.LinkedHashMap<>();
        for (Identifier identifier : identifiers) {
            String key = identifier.hasSystem()
                    ? identifier.getSystem()
                    : identifier.getType().getText();
            if (key != null && identifier.hasValue()) {
                externalIds.put(key, identifier.getValue());
            }
        }
        return externalIds;
    }

    static org.hl7.fhir.r4.model.Address address(Address address) {
        var fhir = new org.hl7.fhir.r4.model.Address();
        if (address.line1() != null) {
            fhir.addLine(address.line1());
        }
        if (address.line2() != null) {
            fhir.addLine(address.line2());
        }
        fhir.setCity(address.city())
                .setState(address.state())
                .setPostalCode(address.postcode())
                .setCountry(address.country());
        return fhir;
    }

    static ContactPoint phone(String phone) {
        return new ContactPoint()
                .setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue(phone)
                .setUse(ContactPoint.ContactPointUse.WORK);
    }

    static Meta meta(java.time.Instant updatedAt) {
        return updatedAt == null ? null : new Meta().setLastUpdated(Date.from(updatedAt));
    }
}
