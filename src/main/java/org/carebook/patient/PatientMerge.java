package org.carebook.patient;

/** The object of a {@code patient.merged} event: the record kept and the one merged into it, as ids only. */
public record PatientMerge(String id, String mergedId) {}
