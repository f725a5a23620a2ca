/**
 * Staff of an organization who sign in to the console: accounts with a role, Argon2id passwords, back-off
 * after failed attempts, and one-time invitation links. Who may do what in the console follows from the
 * role's scopes; the sign-in itself is the web module's gate.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Staff",
        allowedDependencies = {"api", "catalog", "kernel"})
package org.carebook.staff;
