package org.carebook.patient;

import org.carebook.kernel.Tenant;

/**
 * Two records of one patient are being made one, inside the merging transaction: the modules that hold a
 * patient's rows move {@code mergedId}'s to {@code keptId} when they hear it, and a refusal (an exclusion or a
 * unique constraint) rolls the whole merge back.
 */
public record PatientsMerged(Tenant tenant, String keptId, String mergedId) {}
