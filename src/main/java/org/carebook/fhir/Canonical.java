package org.carebook.fhir;

/**
 * Carebook's canonical names in FHIR: identifiers of its extensions and code systems, stable across every
 * installation (they name meanings, not servers), and the published scheduling extensions it uses.
 */
final class Canonical {

    static final String BASE = "https://carebook.dev/fhir";

    /** When a pending Appointment's hold lets go of its time. */
    static final String HOLD_EXPIRES = BASE + "/StructureDefinition/hold-expires";

    /** Appointment types, as the code of a service type. */
    static final String APPOINTMENT_TYPE = BASE + "/CodeSystem/appointment-type";

    /** SMART Scheduling Links: where a person books this slot, and whom they call instead. */
    static final String BOOKING_DEEP_LINK =
            "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";

    static final String BOOKING_PHONE = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-phone";

    /** SMART Scheduling Links: how many can still book a slot (a class's places left). */
    static final String SLOT_CAPACITY = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

    /** IHE ITI Scheduling: the find, hold and book operations this server implements, and its server role. */
    static final String IHE_SCHEDULING = "https://profiles.ihe.net/ITI/Scheduling";

    private Canonical() {}
}
