package org.carebook.patient;

import org.carebook.kernel.Tenant;

/**
 * A patient's personal data is being erased, inside the erasing transaction: each module that keeps something of
 * the patient removes it when it hears this, and may refuse (an appointment still to come, a place on the
 * waitlist) with a 409 that rolls the whole erasure back.
 */
public record PatientErased(Tenant tenant, String patientId) {}
