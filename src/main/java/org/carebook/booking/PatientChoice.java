package org.carebook.booking;

import org.carebook.patient.PatientDraft;

/** Whom a booking is for: a patient on file, or one given inline (matched to a record, or made). */
public sealed interface PatientChoice {

    record Existing(String patientId) implements PatientChoice {}

    record Inline(PatientDraft patient) implements PatientChoice {}
}
