/**
 * Patients of an organization: create, read, update and search, every access written to the audit
 * log. Public: {@link org.carebook.patient.Patients}, {@link org.carebook.patient.PatientView},
 * {@link org.carebook.patient.PatientDraft}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Patients",
        allowedDependencies = {"api", "audit", "events", "kernel", "organization"})
package org.carebook.patient;
