package org.carebook.booking;

/**
 * Turn a hold into an appointment for a patient, with what the booking says beyond who and when;
 * {@code overrideBookingLimit}: a secret key books past the patient's limit of upcoming bookings.
 */
public record ConfirmHold(PatientChoice patient, AppointmentDetails details, boolean overrideBookingLimit) {}
