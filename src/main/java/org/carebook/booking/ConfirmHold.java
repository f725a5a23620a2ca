package org.carebook.booking;

/** Turn a hold into an appointment for a patient, with what the booking says beyond who and when. */
public record ConfirmHold(PatientChoice patient, AppointmentDetails details) {}
