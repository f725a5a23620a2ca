package org.carebook.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import org.carebook.kernel.Address;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.PatientView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;

/** Patients both ways: a record as a Patient, and a Patient given inline in a booking as a draft to match or make. */
final class PatientResources {

    private PatientResources() {}

    static Patient patient(PatientView view) {
        var patient = new Patient();
        patient.setId(FhirIds.toFhir(view.id()));
        patient.setMeta(CatalogResources.meta(view.updatedAt()));
        patient.setIdentifier(CatalogResources.identifiers(view.externalIds()));
        patient.setActive(true);
        patient.addName().setFamily(view.lastName()).addGiven(view.firstName());
        if (view.dateOfBirth() != null) {
            patient.setBirthDateElement(new DateType(view.dateOfBirth().toString()));
        }
        if (view.sex() != null) {
            patient.setGender(AdministrativeGender.fromCode(view.sex()));
        }
        if (view.email() != null) {
            patient.addTelecom(contact(ContactPoint.ContactPointSystem.EMAIL, view.email()));
        }
        if (view.phone() != null) {
            patient.addTelecom(contact(ContactPoint.ContactPointSystem.PHONE, view.phone()));
        }
        if (view.address() != null) {
            patient.addAddress(CatalogResources.address(view.address()));
        }
        if (view.preferredLanguage() != null) {
            patient.addCommunication()
                    .setLanguage(new CodeableConcept()
                            .addCoding(new Coding("urn:ietf:bcp:47", view.preferredLanguage(), null)))
                    .setPreferred(true);
        }
        return patient;
    }

    /**
     * The patient a booking gives inline (a contained Patient), as Carebook's draft: the first name given, the
     * first e-mail and phone, external ids from identifiers. Carebook checks it as it checks {@code /v1}'s.
     */
    static PatientDraft draft(Patient patient) {
        var name = patient.getNameFirstRep();
        LocalDate birthDate = null;
        if (patient.hasBirthDateElement()) {
            if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
                throw FhirQuery.invalid("patient.birthDate", "must be a whole date, such as 1984-03-02");
            }
            birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
        }
        String language = patient.getCommunication().stream()
                .flatMap(c -> c.getLanguage().getCoding().stream())
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        return new PatientDraft(
                name.hasGiven() ? name.getGiven().get(0).getValue() : null,
                name.getFamily(),
                birthDate,
                telecom(patient, ContactPoint.ContactPointSystem.EMAIL),
                telecom(patient, ContactPoint.ContactPointSystem.PHONE),
                patient.hasGender() ? patient.getGender().toCode() : null,
                patient.hasAddress() ? address(patient.getAddressFirstRep()) : null,
                null,
                CatalogResources.externalIds(patient.getIdentifier()),
                language);
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream()
                .filter(t -> t.getSystem() == system)
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Address address(org.hl7.fhir.r4.model.Address address) {
        var lines = address.getLine();
        return new Address(
                lines.size() > 0 ? lines.get(0).getValue() : null,
                lines.size() > 1 ? lines.get(1).getValue() : null,
                address.getCity(),
                address.getState(),
                address.getPostalCode(),
                address.getCountry());
    }

    private static ContactPoint contact(ContactPoint.ContactPointSystem system, String value) {
        return new ContactPoint().setSystem(system).setValue(value);
    }
}
