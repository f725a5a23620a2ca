package org.carebook.waitlist;

import org.carebook.booking.PatientChoice;

/** Put a patient on the waitlist for a service, with the times that suit them. */
public record JoinWaitlist(PatientChoice patient, String appointmentTypeId, Preferences preferences) {}
