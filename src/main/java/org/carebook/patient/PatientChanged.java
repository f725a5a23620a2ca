package org.carebook.patient;

import java.util.List;

/**
 * The object of a {@code patient.created} or {@code patient.updated} event: the patient's id and the names of
 * the fields that changed, never their values. Events reach anyone with {@code read_events} and every webhook
 * receiver, unaudited; a receiver that needs the data reads it through {@code /v1/patients}, which is audited.
 */
public record PatientChanged(String id, List<String> changed) {}
