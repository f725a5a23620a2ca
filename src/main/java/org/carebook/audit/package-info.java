/**
 * The append-only audit log of access to patient data. Public: {@link org.carebook.audit.AuditLog}.
 * The database refuses updates and deletes of its rows (a trigger), whatever the application does.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"api", "kernel"})
package org.carebook.audit;
