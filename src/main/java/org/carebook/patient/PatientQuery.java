package org.carebook.patient;

import java.time.LocalDate;

/**
 * What to match patients on; null parts match everyone. An identifier is an external id: its value, under
 * {@code identifierSystem} or (when that is null) under any system. {@code name} is the start of a given or
 * family name, compared as names are folded for search (case and accents ignored).
 */
public record PatientQuery(String identifierSystem, String identifierValue, String name, LocalDate birthDate) {}
